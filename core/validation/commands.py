"""Every command is checked at the core's door: its texts cleaned, measured against their limits, durations signed."""
from __future__ import annotations

from dataclasses import fields, replace
from typing import TypeVar

from core import commands as c
from core.i18n import N_
from core.validation import limits
from core.validation.dates import refuse_negative_duration
from core.validation.text import clean

C = TypeVar("C", bound=c.Command)

# (command, field) -> (limit, what it is, how to do it right); a field not named here falls back to FIELDS.
SPECIFIC: dict[tuple[type[c.Command], str], tuple[int, str, str]] = {
    (c.CommentOnTask, "text"): (limits.COMMENT, N_("comment"), N_("Split it into several comments.")),
    (c.SuggestTasks, "text"): (limits.SEARCH, N_("search"), ""),
    (c.SuggestPeople, "text"): (limits.SEARCH, N_("search"), ""),
    (c.ProposeDue, "when"): (limits.PROPOSAL, N_("proposal"), N_("Give the date and a short note.")),
    (c.CreateGoal, "name"): (limits.PROJECT_NAME, N_("goal name"), N_("Use one short word, e.g. grow-revenue.")),
    (c.JoinProject, "member"): (limits.PERSON_NAME, N_("name"), ""),
}
FIELDS: dict[str, tuple[int, str, str]] = {
    "text": (limits.REQUEST, N_("request"), N_("Put a short title in the request and the details in a comment.")),
    "reason": (limits.REASON, N_("reason"), N_("A sentence or two is enough.")),
    "note": (limits.PROPOSAL, N_("note"), N_("A sentence or two is enough.")),
    "when": (limits.PHRASE, N_("date"), N_("Try 'friday', 'tomorrow 3pm', '2026-04-10' or 'in 2 days'.")),
    "until": (limits.PHRASE, N_("date"), N_("Try: /task away until 2026-04-10")),
    "how": (limits.PHRASE, N_("repeat"), N_("Try: every monday, on done, on schedule, off.")),
    "action": (limits.PHRASE, N_("digest setting"), N_("Try: /task digest at 08:30 mon-thu")),
    "value": (limits.NOTES, N_("value"), N_("Put long text in the notes or a comment.")),
    "assignee": (limits.PERSON_NAME, N_("name"), ""),
    "person": (limits.PERSON_NAME, N_("name"), ""),
    "to": (limits.PERSON_NAME, N_("name"), ""),
    "names": (limits.PERSON_NAME, N_("name"), ""),
    "name": (limits.PROJECT_NAME, N_("project name"), N_("Use one short word, e.g. launch-2027.")),
    "goal": (limits.PROJECT_NAME, N_("goal name"), N_("Use one short word, e.g. grow-revenue.")),
    "argument": (limits.SEARCH, N_("search"), N_("Search for a few words.")),
    "view": (limits.WORD, N_("view"), N_("Try: /task list mine")),
    "field": (limits.WORD, N_("field"), N_("Try: /task edit T-1 title New title")),
    "setting": (limits.WORD, N_("setting"), N_("Settings are tz, days, hours, lang, holidays.")),
}
UNNAMED = (limits.PHRASE, N_("text"), "")
SIGNED = {"when", "until"}  # phrases read as dates: a negative duration there would move the date the wrong way
READ_AS_REQUEST = (c.AddTask, c.DraftRequest, c.ReviseDraft)
EDITED: dict[str, tuple[int, str, str]] = {
    "title": (limits.TITLE, N_("title"), N_("Keep the title short and put details in a comment.")),
    "notes": (limits.NOTES, N_("note"), N_("Add a comment for more.")),
    "project": (limits.PROJECT_NAME, N_("project name"), N_("Use one short word, e.g. launch-2027.")),
    "labels": (limits.SEARCH, N_("list of labels"), ""),
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
