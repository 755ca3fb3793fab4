"""Forms (modals) whose custom_id carries what they are for, so a form opened before a restart still submits:
the blanks of a button's command (date, note, reason, when), and "Make it a task" from a message."""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import discord

from adapters.common.buttons import PLACEHOLDER, words
from adapters.discord.buttons import MAX_CUSTOM_ID
from core import i18n

LABELS = {
    "date": i18n.N_("New date (e.g. next monday 3pm)"),
    "your date": i18n.N_("By when can you do it? (e.g. friday 3pm)"),
    "note": i18n.N_("Note"), "reason": i18n.N_("Why not?"),
    "when": i18n.N_("Remind me again (e.g. 2h)"), "name": i18n.N_("Who (e.g. @alice)"),
    "corrected request": i18n.N_("The request"),
}
TITLES = {"propose": i18n.N_("Propose a date"), "accept": i18n.N_("Accept with my date"),
          "decline": i18n.N_("Decline"), "snooze": i18n.N_("Snooze"), "revise": i18n.N_("Edit the request"),
          "assign": i18n.N_("Reassign"), "due": i18n.N_("Change the date")}
NO_REF_IN_TITLE = ("revise",)  # a draft's number is internal: never shown
LONG = ("reason", "corrected request", "note")
BLANKS_FORM = re.compile(r"tf:(?P<guild>\d+)(?:@(?P<version>[0-9a-f]+))?:(?P<command>[^\n]+)")
MESSAGE_FORM = re.compile(r"tm:(?P<guild>\d+):(?P<channel>\d+):(?P<message>\d+)")
STORE_SECONDS = 900  # discord.py keeps each sent form this long; the submission is read from its custom_id anyway


class Form(discord.ui.Modal):
    """A modal answered by the client's on_interaction (from its custom_id), not by this in-memory object."""

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        """Nothing here: TandemBot.on_interaction reads the submission, with or without this object."""


def blanks_form(guild_id: str, command: str, prefill: str = "", version: str = "") -> Form | None:
    """One text box per blank in the command, in order (None when the command is too long for a custom_id).
    The task's `version` rides along, so a form opened from a card that went stale shows the task instead."""
    where = f"{guild_id}@{version}" if version else guild_id
    custom_id = f"tf:{where}:{command.strip().removeprefix('/task').strip()}"
    if len(custom_id) > MAX_CUSTOM_ID or "\n" in command:
        return None
    verb, ref, _ = words(command)
    title = i18n._(TITLES[verb]) if verb in TITLES else verb.capitalize()
    if verb not in NO_REF_IN_TITLE:
        title = f"{title} {ref}".strip()[:45]
    form = Form(title=title, custom_id=custom_id, timeout=STORE_SECONDS)
    for index, blank in enumerate(PLACEHOLDER.findall(command)[:5]):
        name = blank.strip("<>[]@ ")
        optional = blank.startswith("[")
        label = i18n._(LABELS[name]) if name in LABELS else name.capitalize()
        form.add_item(discord.ui.TextInput(
            label=(i18n._("{label} (optional)", label=label) if optional else label)[:45],
            custom_id=f"blank{index}", required=not optional, max_length=1000,
            style=discord.TextStyle.paragraph if name in LONG else discord.TextStyle.short,
            default=prefill[:1000] if name == "corrected request" and prefill else None))
    return form


def filled(command: str, values: Mapping[str, str]) -> str:
    """The command with blank i replaced by values["blank<i>"] (an empty optional blank simply disappears)."""
    count = iter(range(len(PLACEHOLDER.findall(command))))
    return " ".join(PLACEHOLDER.sub(lambda _: values.get(f"blank{next(count)}", "").strip(), command).split())


def message_form(guild_id: str, message: discord.Message, owner_handle: str) -> Form:
    """A task from a message: its text as the title, its author as the owner, an optional due date."""
    form = Form(title=i18n._("Make it a task"), custom_id=f"tm:{guild_id}:{message.channel.id}:{message.id}",
                timeout=STORE_SECONDS)
    form.add_item(discord.ui.TextInput(label=i18n._("Task"), custom_id="task", style=discord.TextStyle.paragraph,
                                       default=(message.content or "")[:1000] or None, max_length=1000))
    form.add_item(discord.ui.TextInput(label=i18n._("Who does it (@handle; empty: you)")[:45], custom_id="who",
                                       required=False, default=f"@{owner_handle}" if owner_handle else None,
                                       max_length=100))
    form.add_item(discord.ui.TextInput(label=i18n._("Due (optional, e.g. friday 5pm)")[:45], custom_id="due",
                                       required=False, max_length=100))

    return form


def submitted_values(data: Mapping[str, Any]) -> dict[str, str]:
    """{custom_id: value} of every text input in a MODAL_SUBMIT, in action rows or in labels."""
    found: dict[str, str] = {}
    for row in data.get("components") or []:
        for part in [*(row.get("components") or []), *([row["component"]] if row.get("component") else [])]:
            if part.get("custom_id") is not None and "value" in part:
                found[str(part["custom_id"])] = str(part.get("value") or "")
    return found


def task_text(title: str, who: str, due: str) -> str:
    """`@handle "title" by <due>`: the title quoted so dates and names inside it are read literally."""
    title = " ".join(title.replace('"', "'").split())
    handle = who.strip().split()[0] if who.strip() else ""
    if handle and not handle.startswith("@"):
        handle = "@" + handle
    parts = [handle, f'"{title}"', f"by {due.strip()}" if due.strip() else ""]
    return " ".join(p for p in parts if p)
