"""What a button's command means before it runs: its verb and reference, its blanks, its past tense."""
from __future__ import annotations

import re

from core import i18n

PLACEHOLDER = re.compile(r"<[^<>]+>|\[[^\[\]]+\]|(?<!\S)@name\b")
PAST = {
    "accept": i18n.N_("Accepted"), "decline": i18n.N_("Declined"), "propose": i18n.N_("Proposed a date"),
    "done": i18n.N_("Marked done"), "snooze": i18n.N_("Snoozed"), "confirm": i18n.N_("Created"),
    "discard": i18n.N_("Cancelled"), "revise": i18n.N_("Edited"), "cancel": i18n.N_("Cancelled"),
    "reopen": i18n.N_("Reopened"), "undo": i18n.N_("Withdrawn"), "start": i18n.N_("Started"),
    "due": i18n.N_("Changed the date"), "show": i18n.N_("Left as it was"),
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
    if verb in PAST:
        return i18n._(PAST[verb])
    return verb.capitalize() + "d" if verb.endswith("e") else verb.capitalize() + "ed"


def done_by(verb: str, handle: str, lang: str) -> str:
    """The line a settled card shows, in the clicker's language: "✓ Accepted by @bob"."""
    with i18n.speaking_to(lang):
        return i18n._("✓ {done} by @{who}", done=past_tense(verb), who=handle)



def prefill(command: str) -> str:
    """What a modal's text box starts with: the words after the reference, unless they are only a blank."""
    return "" if PLACEHOLDER.fullmatch(words(command)[2].strip() or "<>") else words(command)[2]
