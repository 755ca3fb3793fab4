"""Days named by their place in a month or quarter: "the first Friday of next month",
"the last working day of November", "end of December", "end of the quarter"."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from core.language.days import last_of_month
from core.language.piece import Ctx, Match, Piece, word
from core.language.tokens import MONTHS, ORDINAL_WORDS, Token, is_number, ordinal, weekday_of

_WORKING = {"working", "work", "business"}
_OF = {"of", "in"}
_OPENERS = {"the", "end", "close", "eoq", *ORDINAL_WORDS}
Month = tuple[int, int]


def _months(toks: list[Token], i: int, ctx: Ctx) -> tuple[int, list[Month]] | None:
    """The months a phrase may mean, nearest first: "next month", "the month", "November [2027]"."""
    w, year, month = word(toks, i), ctx.today.year, ctx.today.month
    following = (year + month // 12, month % 12 + 1)
    if w in {"this", "the"} and word(toks, i + 1) == "month":
        return i + 2, [(year, month), following]
    if w == "next" and word(toks, i + 1) == "month":
        return i + 2, [following]
    found = MONTHS.get(w.removesuffix("."))
    if found is None:
        return None
    said = word(toks, i + 1)
    if len(said) == 4 and is_number(said) and 2000 <= int(said) <= 2199:
        return i + 2, [(int(said), found)]
    return i + 1, [(year, found), (year + 1, found)]


def _nth_day(nth: int, year: int, month: int, keep: Callable[[date], bool]) -> date | None:
    """The nth day of the month that `keep` accepts (-1: the last)."""
    days = [date(year, month, d) for d in range(1, last_of_month(year, month).day + 1)]
    kept = [d for d in days if keep(d)]
    index = nth - 1 if nth > 0 else nth
    return kept[index] if -len(kept) <= index < len(kept) else None


def _pick(ctx: Ctx, months: list[Month], find: Callable[[int, int], date | None]) -> date | None:
    found = None
    for year, month in months:
        found = find(year, month)
        if found is not None and found >= ctx.today:
            return found
    return found


def _kind(toks: list[Token], i: int, ctx: Ctx) -> tuple[int, Callable[[date], bool]] | None:
    """Which days count: "Friday", "working day", "workday", "weekday", "day"."""
    w = word(toks, i)
    wd = weekday_of(w)
    if wd is not None:
        return i + 1, lambda d: d.weekday() == wd
    if (w in _WORKING and word(toks, i + 1) == "day") or w == "workday":
        workdays = ctx.hours.days
        return i + (2 if w in _WORKING else 1), lambda d: d.weekday() in workdays
    if w == "weekday":
        return i + 1, lambda d: d.weekday() < 5
    if w == "day":
        return i + 1, lambda d: True
    return None


def _nth_of(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """"[the] first Friday of next month", "the last working day of November", "the 2nd Tuesday in May"."""
    j = i + 1 if word(toks, i) == "the" else i
    nth = ORDINAL_WORDS.get(word(toks, j)) or ordinal(word(toks, j))
    if nth is None or not -1 <= nth <= 5:
        return None
    kind = _kind(toks, j + 1, ctx)
    if kind is None:
        return None
    k, keep = kind
    if word(toks, k) not in _OF or (months := _months(toks, k + 1, ctx)) is None:
        return None
    found = _pick(ctx, months[1], lambda y, m: _nth_day(nth, y, m, keep))
    return (months[0], Piece(day=found)) if found else None


def _end_of(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """"end of November", "the end of December", "end of the quarter", "end of next quarter", "EOQ"."""
    j = i + 1 if word(toks, i) == "the" else i
    if word(toks, j) == "eoq":
        return j + 1, Piece(day=_quarter_end(ctx.today, 0))
    if word(toks, j) not in {"end", "close"} or word(toks, j + 1) != "of":
        return None
    k = j + 3 if word(toks, j + 2) in {"the", "this"} else j + 2
    if word(toks, k) == "quarter":
        return k + 1, Piece(day=_quarter_end(ctx.today, 0))
    if word(toks, k) == "next" and word(toks, k + 1) == "quarter":
        return k + 2, Piece(day=_quarter_end(ctx.today, 1))
    if len(q := word(toks, k)) == 2 and q[0] == "q" and q[1] in "1234":
        end = _quarter_end(date(ctx.today.year, 3 * int(q[1]), 1), 0)
        return k + 1, Piece(day=end if end >= ctx.today else end.replace(year=end.year + 1))
    months = _months(toks, j + 2, ctx) if word(toks, j + 2) not in {"the", "this", "next"} else None
    if months is None:
        return None
    found = _pick(ctx, months[1], last_of_month)
    return (months[0], Piece(day=found)) if found else None


def _quarter_end(today: date, ahead: int) -> date:
    index = (today.month - 1) // 3 + ahead
    year, quarter = today.year + index // 4, index % 4
    return last_of_month(year, 3 * quarter + 3)


def ordinal_day_at(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """A day named by its place in a month or quarter, at token `i`."""
    if word(toks, i) not in _OPENERS and not ordinal(word(toks, i)):
        return None
    return _nth_of(toks, i, ctx) or _end_of(toks, i, ctx)

