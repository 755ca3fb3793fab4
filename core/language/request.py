"""parse_request and parse_when: the two entry points of the language package."""
from __future__ import annotations

from datetime import datetime

from core.clock import require_aware
from core.due import Due
from core.errors import InvalidInput
from core.language.effort import take_estimate
from core.language.foreign import foreign_when
from core.language.gloss import gloss
from core.language.marks import read_marks
from core.language.phrase import TRIGGERS, chain_at, ignorable, scan
from core.language.piece import Ctx, Piece, Workday
from core.language.reading import Reading
from core.language.resolve import to_due, to_rule
from core.language.title import build_title, is_request
from core.language.tokens import MAX_CHARS, Token, tokenize
from core.language.unread import unread_dates

_TOO_LONG = (f"That message is too long for me to read as a task (over {MAX_CHARS:,} characters). "
             "Put a short title in the request and the details in the task's notes or a follow-up.")
_UNREADABLE = "I couldn't read '{}' as a date. Try 'friday', 'tomorrow 3pm', '2026-04-10' or 'in 2 days'."


LANGUAGES = ("en", "de", "es", "fr")
_UNKNOWN = "I read requests in {known}; '{lang}' is not one of them."


def _code(lang: str) -> str:
    code = lang.lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise InvalidInput(_UNKNOWN.format(known=", ".join(LANGUAGES), lang=lang[:20]))
    return code


def _context(text: str, now: datetime, tz: str, workday: Workday | None) -> Ctx:
    if len(text) > MAX_CHARS:
        raise InvalidInput(_TOO_LONG)
    return Ctx(require_aware(now), tz, workday)


def _deadline(toks: list[Token], ctx: Ctx, code: str) -> tuple[Piece | None, set[int]]:
    """The phrase read as the deadline or schedule, and every token read as one."""
    piece: Piece | None = None
    used: set[int] = set()
    for found in scan(toks, ctx, verb_last=code != "en"):
        used.update(range(found.start, found.end))
        if piece is None or (not piece.merge(found.piece) and found.piece.rule and not piece.rule):
            piece = found.piece
    return piece, used


def parse_request(text: str, *, now: datetime, tz: str, lang: str = "en",
                  workday: Workday | None = None) -> Reading:
    """Read who, what, by when, how often, how urgent and which project from one message.

    `workday` (the speaker's hours, when known) places "first thing" and "end of day".
    """
    code = _code(lang)
    ctx = _context(text, now, tz, workday)
    toks = tokenize(text)
    effort = None
    if "~" in text:
        effort, text = take_estimate(text, toks, workday)
        toks = tokenize(text)
    marks = read_marks(toks)
    drop = set(marks.used)
    due: Due | None = None
    rule: str | None = None
    glossed, covers, fillers = gloss(toks, code) if code != "en" else (toks, [{i} for i in range(len(toks))], set())
    drop |= fillers
    piece, used = _deadline(glossed, ctx, code)
    if piece is not None:
        due = to_due(piece, ctx)
        rule = to_rule(piece, due)
        drop.update(i for g in used for i in covers[g])
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
        unread=unread_dates(toks, drop),
        effort_minutes=effort,
    )


def parse_when(text: str, *, now: datetime, tz: str, lang: str = "en", workday: Workday | None = None) -> Due:
    """Read a whole text as one deadline ("friday", "next tuesday 3pm", "2h", "2026-04-10 15:00")."""
    code = _code(lang)
    ctx = _context(text, now, tz, workday)
    toks = tokenize(text.strip())
    if code != "en":
        toks = gloss(toks, code)[0]
    toks = [t for t in toks if not (ignorable(t) and not t.low[:1].isalnum())]
    if toks:
        start = 1 if toks[0].low in TRIGGERS | {"in"} and len(toks) > 1 else 0
        for i in dict.fromkeys((start, 0)):
            match = chain_at(toks, i, ctx, bare=True)
            if match and match[0] == len(toks):
                return to_due(match[1], ctx)
    due = foreign_when(text.strip(), ctx, code) if text.strip() else None
    if due is None:
        raise InvalidInput(_UNREADABLE.format(text.strip()[:80]))
    return due
