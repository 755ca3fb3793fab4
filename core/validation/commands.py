"""Every command is checked at the core's door: its texts cleaned, measured against their limits, durations signed."""
from __future__ import annotations

from dataclasses import fields, replace
from typing import TypeVar

from core import commands as c
from core.validation import limits
from core.validation.dates import refuse_negative_duration
from core.validation.text import clean

C = TypeVar("C", bound=c.Command)

# (command, field) -> (limit, what it is, how to do it right); a field not named here falls back to FIELDS.
SPECIFIC: dict[tuple[type[c.Command], str], tuple[int, str, str]] = {
    (c.CommentOnTask, "text"): (limits.COMMENT, "comment", "Split it into several comments."),
    (c.SuggestTasks, "text"): (limits.SEARCH, "search", ""),
    (c.SuggestPeople, "text"): (limits.SEARCH, "search", ""),
    (c.ProposeDue, "when"): (limits.PROPOSAL, "proposal", "Give the date and a short note."),
    (c.CreateGoal, "name"): (limits.PROJECT_NAME, "goal name", "Use one short word, e.g. grow-revenue."),
    (c.JoinProject, "member"): (limits.PERSON_NAME, "name", ""),
}
FIELDS: dict[str, tuple[int, str, str]] = {
    "text": (limits.REQUEST, "request", "Put a short title in the request and the details in a comment."),
    "reason": (limits.REASON, "reason", "A sentence or two is enough."),
    "note": (limits.PROPOSAL, "note", "A sentence or two is enough."),
    "when": (limits.PHRASE, "date", "Try 'friday', 'tomorrow 3pm', '2026-04-10' or 'in 2 days'."),
    "until": (limits.PHRASE, "date", "Try: /task away until 2026-04-10"),
    "how": (limits.PHRASE, "repeat", "Try: every monday, on done, on schedule, off."),
    "action": (limits.PHRASE, "digest setting", "Try: /task digest at 08:30 mon-thu"),
    "value": (limits.NOTES, "value", "Put long text in the notes or a comment."),
    "assignee": (limits.PERSON_NAME, "name", ""),
    "person": (limits.PERSON_NAME, "name", ""),
    "to": (limits.PERSON_NAME, "name", ""),
    "names": (limits.PERSON_NAME, "name", ""),
    "name": (limits.PROJECT_NAME, "project name", "Use one short word, e.g. launch-2027."),
    "goal": (limits.PROJECT_NAME, "goal name", "Use one short word, e.g. grow-revenue."),
    "argument": (limits.SEARCH, "search", "Search for a few words."),
    "view": (limits.WORD, "view", "Try: /task list mine"),
    "field": (limits.WORD, "field", "Try: /task edit T-1 title New title"),
    "setting": (limits.WORD, "setting", "Settings are tz, days, hours, lang, holidays."),
}
UNNAMED = (limits.PHRASE, "text", "")
SIGNED = {"when", "until"}  # phrases read as dates: a negative duration there would move the date the wrong way
READ_AS_REQUEST = (c.AddTask, c.DraftRequest, c.ReviseDraft)
EDITED: dict[str, tuple[int, str, str]] = {
    "title": (limits.TITLE, "title", "Keep the title short and put details in a comment."),
    "notes": (limits.NOTES, "note", "Add a comment for more."),
    "project": (limits.PROJECT_NAME, "project name", "Use one short word, e.g. launch-2027."),
    "labels": (limits.SEARCH, "list of labels", ""),
}


def checked(command: C) -> C:
    """`command` with every text cleaned; a refusal that says how to do it right when a text is out of bounds."""
    changes: dict[str, object] = {}
    for spec in fields(command):
        value = getattr(command, spec.name)
        if isinstance(value, str):
            changes[spec.name] = _checked_text(command, spec.name, value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            changes[spec.name] = tuple(_checked_text(command, spec.name, v) for v in value)
    return replace(command, **changes) if changes else command


def _checked_text(command: c.Command, name: str, value: str) -> str:
    text = clean(value)
    limit, what, hint = _limit(command, name)
    limits.within(text, limit, what, hint)
    if name in SIGNED or (name == "text" and isinstance(command, READ_AS_REQUEST)):
        refuse_negative_duration(text)
    return text


def _limit(command: c.Command, name: str) -> tuple[int, str, str]:
    if isinstance(command, c.EditTask) and name == "value":
        return EDITED.get(command.field.lower(), UNNAMED)
    return SPECIFIC.get((type(command), name)) or FIELDS.get(name, UNNAMED)
