"""Parts of the working day: "first thing" (the start of work) and "end of day" (its end)."""
from __future__ import annotations

from core.language.dates import day_at
from core.language.piece import Ctx, Match, Piece, word
from core.language.tokens import Token

_END_WORDS = {"eod", "cob", "eob"}
_ENDS = {"day", "business", "play"}
_ENDS_LONG = {("business", "day"), ("working", "day"), ("work", "day")}


def _end_of_day(toks: list[Token], i: int) -> int | None:
    """The index after "EOD", "COB", "end of (the) day", "close of business", "end of the working day"."""
    if word(toks, i) in _END_WORDS:
        return i + 1
    if word(toks, i) not in {"end", "close"} or word(toks, i + 1) != "of":
        return None
    j = i + 3 if word(toks, i + 2) == "the" else i + 2
    if (word(toks, j), word(toks, j + 1)) in _ENDS_LONG:
        return j + 2
    return j + 1 if word(toks, j) in _ENDS else None


def _said_alone(toks: list[Token], j: int) -> bool:
    """Nothing but punctuation after `j`, or a comma: "call Bob first thing", "first thing, call Bob"."""
    rest = [t for t in toks[j:] if t.text.strip(".!?")]
    return not rest or rest[0].text in {",", ":"}


def part_at(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """ "first thing [in the morning]" at the start of work; "end of day" at its end when the hours are known.

    Without known hours "end of day" is a date: today (read by the day phrases), or the day it names.
    """
    start = i + 1 if word(toks, i) == "the" else i
    if word(toks, start) == "first" and word(toks, start + 1) == "thing":
        j = start + 2
        if (word(toks, j), word(toks, j + 1), word(toks, j + 2)) == ("in", "the", "morning"):
            j += 3
        elif not _said_alone(toks, j) and day_at(toks, j, ctx) is None:
            return None  # "the first thing to fix": not a time
        return j, Piece(clock=ctx.hours.start, soft_clock=True, roll=1, strong=True)
    end = _end_of_day(toks, start)
    if end is None:
        return None
    if ctx.workday is not None:
        return end, Piece(clock=ctx.workday.end, soft_clock=True, strong=True)
    k = end + 1 if word(toks, end) in {"on", ","} else end
    day = day_at(toks, k, ctx)  # "EOD tomorrow": that day, as a date
    return (day[0], Piece(day=day[1].day, strong=True)) if day and day[1].day and not day[1].clock else None
