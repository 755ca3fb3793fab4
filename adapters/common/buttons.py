"""What a button's command means before it runs: its verb and reference, its blanks, its past tense."""
from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"<[^<>]+>|\[[^\[\]]+\]|(?<!\S)@name\b")
PAST = {
    "accept": "Accepted", "decline": "Declined", "propose": "Proposed a date", "done": "Marked done",
    "snooze": "Snoozed", "confirm": "Created", "discard": "Cancelled", "revise": "Edited", "cancel": "Cancelled",
    "reopen": "Reopened", "undo": "Withdrawn", "start": "Started", "due": "Changed the date",
    "show": "Left as it was",
}


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
