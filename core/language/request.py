"""parse_request and parse_when: the two entry points of the language package."""
from __future__ import annotations

from datetime import datetime

from core.clock import require_aware
from core.due import Due
from core.errors import InvalidInput
from core.language.foreign import foreign_due, foreign_when
from core.language.marks import read_marks
from core.language.phrase import TRIGGERS, chain_at, ignorable, scan
from core.language.piece import Ctx, Piece
from core.language.reading import Reading
from core.language.resolve import to_due, to_rule
from core.language.title import build_title, is_request
from core.language.tokens import MAX_CHARS, tokenize

_TOO_LONG = (f"That message is too long for me to read as a task (over {MAX_CHARS:,} characters). "
             "Put a short title in the request and the details in the task's notes or a follow-up.")
_UNREADABLE = "I couldn't read '{}' as a date. Try 'friday', 'tomorrow 3pm', '2026-04-10' or 'in 2 days'."


def _context(text: str, now: datetime, tz: str) -> Ctx:
    if len(text) > MAX_CHARS:
        raise InvalidInput(_TOO_LONG)
    return Ctx(require_aware(now), tz)


def parse_request(text: str, *, now: datetime, tz: str, lang: str = "en") -> Reading:
    """Read who, what, by when, how often, how urgent and which project from one message."""
    ctx = _context(text, now, tz)
    toks = tokenize(text)
    marks = read_marks(toks)
    drop = set(marks.used)
    due: Due | None = None
    rule: str | None = None
    if lang.lower().startswith("en"):
        piece: Piece | None = None
        for found in scan(toks, ctx):
            drop.update(range(found.start, found.end))
            if piece is None or (not piece.merge(found.piece) and found.piece.rule and not piece.rule):
                piece = found.piece
        if piece is not None:
            due = to_due(piece, ctx)
            rule = to_rule(piece, due)
    else:
        found_foreign = foreign_due(text, toks, drop, ctx, lang)
        if found_foreign is not None:
            due, gone = found_foreign
            drop.update(gone)
    title = build_title(text, toks, drop)
    return Reading(
        title=title,
        assignees=tuple(marks.assignees),
        due=due,
        recurrence=rule,
        priority=marks.priority,
        project=marks.project,
        labels=tuple(marks.labels),
        is_request=is_request(text, title, scheduled=due is not None, assigned=bool(marks.assignees)),
    )


def parse_when(text: str, *, now: datetime, tz: str, lang: str = "en") -> Due:
    """Read a whole text as one deadline ("friday", "next tuesday 3pm", "2h", "2026-04-10 15:00")."""
    ctx = _context(text, now, tz)
    toks = [t for t in tokenize(text.strip()) if not (ignorable(t) and not t.low[:1].isalnum())]
    if lang.lower().startswith("en") and toks:
        start = 1 if toks[0].low in TRIGGERS | {"in"} and len(toks) > 1 else 0
        for i in dict.fromkeys((start, 0)):
            match = chain_at(toks, i, ctx, bare=True)
            if match and match[0] == len(toks):
                return to_due(match[1], ctx)
    due = foreign_when(text.strip(), ctx, lang) if text.strip() else None
    if due is None:
        raise InvalidInput(_UNREADABLE.format(text.strip()[:80]))
    return due
