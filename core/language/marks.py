"""Marks: @owners, #project, +labels and priority (!high, p1, "urgent", "low priority")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.language.piece import word
from core.language.tokens import Token

BOT_NAMES = {"tandem"}
_NAME = re.compile(r"^[@#+]([^\W_][\w.-]*)$")
_BANG = {"!urgent": "urgent", "!high": "high", "!normal": "normal", "!medium": "normal", "!low": "low",
         "!1": "urgent", "!2": "high", "!3": "normal", "!4": "low"}
_P = {"p1": "urgent", "p2": "high", "p3": "normal", "p4": "low"}
_LEVEL = {"high": "high", "low": "low", "top": "urgent", "normal": "normal", "medium": "normal"}
_JOINERS = {"and", "&", ",", "+"}


@dataclass
class Marks:
    """What the marks say, and which tokens they used up."""

    assignees: list[str] = field(default_factory=list)
    priority: str | None = None
    project: str | None = None
    labels: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)


def _name(tok: Token, sigil: str) -> str | None:
    m = _NAME.match(tok.text.rstrip(".,!?:;"))
    return m.group(1).lower() if m and tok.text[0] == sigil else None


def _priority_words(toks: list[Token], i: int, marks: Marks) -> None:
    w, nxt = word(toks, i), word(toks, i + 1)
    if w in {"asap", "a.s.a.p", "urgently"}:
        marks.priority = marks.priority or "urgent"
        marks.used.add(i)
    elif w == "urgent":
        marks.priority = marks.priority or "urgent"
        if not nxt.isalpha():  # "fix the urgent bug" keeps its adjective
            marks.used.add(i)
    elif (w in _LEVEL and nxt == "priority") or (w.endswith("-priority") and w.split("-")[0] in _LEVEL):
        marks.priority = marks.priority or _LEVEL[w.split("-")[0]]
        marks.used.update({i, i + 1} if nxt == "priority" else {i})


def read_marks(toks: list[Token]) -> Marks:
    """Collect every mark; the first project and the first priority win."""
    marks = Marks()
    for i, tok in enumerate(toks):
        if tok.quoted:
            continue
        low = tok.low.rstrip(".,!?:;") if tok.low[:1] != "!" else tok.low
        if (name := _name(tok, "@")) is not None:
            marks.used.add(i)
            if name not in BOT_NAMES and name not in marks.assignees:
                marks.assignees.append(name)
            if word(toks, i - 1) in _JOINERS and i - 2 in marks.used:
                marks.used.add(i - 1)
        elif (name := _name(tok, "#")) is not None:
            marks.project = marks.project or name
            marks.used.add(i)
        elif (name := _name(tok, "+")) is not None and name[0].isalpha():
            marks.used.add(i)
            if name not in marks.labels:
                marks.labels.append(name)
        elif low in _BANG or low in _P:
            marks.priority = marks.priority or _BANG.get(low) or _P[low]
            marks.used.add(i)
        else:
            _priority_words(toks, i, marks)
    return marks
