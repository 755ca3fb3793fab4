"""Pure translation of Slack text and button values into what the core and the modals need."""
from __future__ import annotations

import re

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
PLACEHOLDER = re.compile(r"<[^<>]+>|\[[^\[\]]+\]|(?<!\S)@name\b")
PAST = {
    "accept": "Accepted", "decline": "Declined", "propose": "Proposed a date", "done": "Marked done",
    "snooze": "Snoozed", "confirm": "Created", "discard": "Cancelled", "revise": "Edited", "cancel": "Cancelled",
    "reopen": "Reopened", "undo": "Withdrawn", "start": "Started", "due": "Changed the date",
}


def mentioned_users(text: str) -> list[str]:
    """The user ids mentioned as <@U123> or <@U123|name>, in order, without repeats."""
    return list(dict.fromkeys(MENTION.findall(text)))


def with_handles(text: str, handles: dict[str, str]) -> str:
    """Replace <@U123|name> with @handle for every user the core knows."""
    return MENTION.sub(lambda m: f"@{handles[m.group(1)]}" if m.group(1) in handles else m.group(0), text)


def without_bot(text: str, bot_user_id: str | None) -> str:
    """The request said to the bot, without the bot's own mention."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[,:]?", "", text)
    return " ".join(text.split())


def words(command: str) -> tuple[str, str, str]:
    """"/task propose T-3 <date> [note]" -> ("propose", "T-3", "<date> [note]")."""
    rest = command.strip().removeprefix("/task").strip()
    verb, _, tail = rest.partition(" ")
    ref, _, more = tail.strip().partition(" ")
    return verb.lower(), ref, more.strip()


def needs_modal(command: str) -> bool:
    """Whether a button's command has a blank to fill in (or is a draft edit) before it can run."""
    return bool(PLACEHOLDER.search(command)) or words(command)[0] == "revise"


def past_tense(verb: str) -> str:
    return PAST.get(verb, verb.capitalize() + "d" if verb.endswith("e") else verb.capitalize() + "ed")


def prefill(command: str) -> str:
    """What a modal's text box starts with: the words after the reference, unless they are only a blank."""
    return "" if PLACEHOLDER.fullmatch(words(command)[2].strip() or "<>") else words(command)[2]


def where_fields(body: dict[str, object]) -> tuple[str, str]:
    """(team id, team domain) from any Slack payload: commands, events and interactions spell them differently."""
    team = body.get("team")
    if isinstance(team, dict):
        return str(team.get("id") or ""), str(team.get("domain") or "")
    return str(body.get("team_id") or ""), str(body.get("team_domain") or "")
