"""Modals: the blanks of a button's command (date, note, reason, when) and "Make it a task" from a message."""
from __future__ import annotations

from typing import Any, Protocol

import discord

from adapters.common.buttons import PLACEHOLDER, words

LABELS = {
    "date": "New date (e.g. next monday 3pm)", "note": "Note", "reason": "Why not?",
    "when": "Remind me again (e.g. 2h)", "name": "Who (e.g. @alice)", "corrected request": "The request",
}
TITLES = {"propose": "Propose a date", "decline": "Decline", "snooze": "Snooze", "revise": "Edit the request",
          "assign": "Reassign", "due": "Change the date"}
LONG = ("reason", "corrected request", "note")


class ModalHandler(Protocol):
    async def on_blanks_filled(self, interaction: discord.Interaction[Any], guild_id: str, command: str) -> None: ...

    async def on_message_task(self, interaction: discord.Interaction[Any], message: discord.Message, title: str,
                              who: str, due: str) -> None: ...


class BlankModal(discord.ui.Modal):
    """One text box per blank in the command, in order; submitting runs the command with the blanks filled."""

    def __init__(self, guild_id: str, command: str, prefill: str = "") -> None:
        verb, ref, _ = words(command)
        super().__init__(title=f"{TITLES.get(verb, verb.capitalize())} {ref}".strip()[:45], timeout=900)
        self.guild_id, self.command = guild_id, command
        self.inputs: list[discord.ui.TextInput[BlankModal]] = []
        for blank in PLACEHOLDER.findall(command)[:5]:
            name = blank.strip("<>[]@ ")
            optional = blank.startswith("[")
            box: discord.ui.TextInput[BlankModal] = discord.ui.TextInput(
                label=(LABELS.get(name, name.capitalize()) + (" (optional)" if optional else ""))[:45],
                style=discord.TextStyle.paragraph if name in LONG else discord.TextStyle.short,
                required=not optional, max_length=1000, default=prefill[:1000] if name == "corrected request" else None)
            self.inputs.append(box)
            self.add_item(box)

    def filled(self) -> str:
        """The command with each blank replaced by what was typed (an empty optional blank simply disappears)."""
        values = iter(box.value.strip() for box in self.inputs)
        return " ".join(PLACEHOLDER.sub(lambda _: next(values, ""), self.command).split())

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        handler: ModalHandler = interaction.client
        await handler.on_blanks_filled(interaction, self.guild_id, self.filled())


class MessageTaskModal(discord.ui.Modal, title="Make it a task"):
    """A task from a message: its text as the title, its author as the owner, an optional due date."""

    def __init__(self, message: discord.Message, owner_handle: str) -> None:
        super().__init__(timeout=900)
        self.message = message
        self.task: discord.ui.TextInput[MessageTaskModal] = discord.ui.TextInput(
            label="Task", style=discord.TextStyle.paragraph, default=(message.content or "")[:1000], max_length=1000)
        self.who: discord.ui.TextInput[MessageTaskModal] = discord.ui.TextInput(
            label="Who does it (@handle; empty: you)", default=f"@{owner_handle}" if owner_handle else None,
            required=False, max_length=100)
        self.due: discord.ui.TextInput[MessageTaskModal] = discord.ui.TextInput(
            label="Due (optional, e.g. friday 5pm)", required=False, max_length=100)
        for box in (self.task, self.who, self.due):
            self.add_item(box)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        handler: ModalHandler = interaction.client
        await handler.on_message_task(interaction, self.message, self.task.value, self.who.value, self.due.value)


def task_text(title: str, who: str, due: str) -> str:
    """`@handle "title" by <due>`: the title quoted so dates and names inside it are read literally."""
    title = " ".join(title.replace('"', "'").split())
    handle = who.strip().split()[0] if who.strip() else ""
    if handle and not handle.startswith("@"):
        handle = "@" + handle
    parts = [handle, f'"{title}"', f"by {due.strip()}" if due.strip() else ""]
    return " ".join(p for p in parts if p)
