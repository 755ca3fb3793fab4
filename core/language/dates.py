"""Day phrases: today, tomorrow, weekdays, next week, month-day forms, ISO dates, end of month."""
from __future__ import annotations

import re
from datetime import date, time, timedelta

from core.language.days import last_of_month, next_date, next_month_day, next_weekday, weekday_next_week
from core.language.ordinals import ordinal_day_at
from core.language.piece import Ctx, Match, Piece, word
from core.language.tokens import MONTHS, Token, is_number, number, ordinal, weekday_of

_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:t([0-9]{1,2}):([0-9]{2}))?$")
_TOMORROW = {"tomorrow", "tmrw", "tmr", "tomorow", "tommorow"}
_EOD = {"eod", "cob", "eow", "eom", "eoy"}


def _fixed(today: date, what: str) -> date:
    """End of day / week / month / year, seen from today."""
    if what in {"day", "eod", "cob"}:
        return today
    if what in {"week", "eow"}:
        return next_weekday(today, 4) if today.weekday() <= 4 else weekday_next_week(today, 4)
    if what in {"month", "eom"}:
        return last_of_month(today.year, today.month)
    return date(today.year, 12, 31)


def _relative(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    w, today = word(toks, i), ctx.today
    if w in {"today", "tod"}:
        return i + 1, Piece(day=today, strong=True)
    if w in _TOMORROW:
        return i + 1, Piece(day=today + timedelta(days=1), strong=True)
    if w == "tonight":
        return i + 1, Piece(day=today, clock=time(20), soft_clock=True, strong=True)
    if w in _EOD:
        return i + 1, Piece(day=_fixed(today, w), strong=True)
    if w == "day" and word(toks, i + 1) == "after" and word(toks, i + 2) in _TOMORROW:
        return i + 3, Piece(day=today + timedelta(days=2), strong=True)
    if w in {"end", "close"} and word(toks, i + 1) == "of":
        j = i + 3 if word(toks, i + 2) == "the" else i + 2
        if word(toks, j) == "business":
            return j + 1, Piece(day=today, strong=True)
        if word(toks, j) == "next" and word(toks, j + 1) == "week":
            return j + 2, Piece(day=weekday_next_week(today, 4), strong=True)
        if word(toks, j) == "next" and word(toks, j + 1) == "month":
            first = last_of_month(today.year, today.month) + timedelta(days=1)
            return j + 2, Piece(day=last_of_month(first.year, first.month), strong=True)
        if word(toks, j) in {"day", "week", "month", "year"}:
            return j + 1, Piece(day=_fixed(today, word(toks, j)), strong=True)
    return None


def _next_this(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    w, nxt, today = word(toks, i), word(toks, i + 1), ctx.today
    if w not in {"next", "this", "coming", "upcoming"}:
        return None
    wd = weekday_of(nxt)
    if w == "next":
        if wd is not None:
            return i + 2, Piece(day=weekday_next_week(today, wd), strong=True)
        if nxt == "week":
            return i + 2, Piece(day=weekday_next_week(today, 0), strong=True)
        if nxt == "weekend":
            return i + 2, Piece(day=weekday_next_week(today, 5), strong=True)
        if nxt == "month":
            return i + 2, Piece(day=last_of_month(today.year, today.month) + timedelta(days=1), strong=True)
        return None
    if wd is not None:
        return i + 2, Piece(day=next_weekday(today, wd), roll=7)
    if nxt == "weekend":
        return i + 2, Piece(day=today if today.weekday() >= 5 else next_weekday(today, 5))
    if nxt == "week":
        return i + 2, Piece(day=_fixed(today, "week"))
    if nxt == "month":
        return i + 2, Piece(day=_fixed(today, "month"))
    parts = {"morning": 9, "afternoon": 15, "evening": 18}
    if w == "this" and nxt in parts:
        return i + 2, Piece(day=today, clock=time(parts[nxt]), soft_clock=True)
    return None


def _year(toks: list[Token], i: int) -> tuple[int, int | None]:
    j = i + 1 if word(toks, i) == "," else i
    w = word(toks, j)
    if len(w) == 4 and is_number(w) and 2000 <= int(w) <= 2199:
        return j + 1, int(w)
    return i, None


def _month_day(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    w = word(toks, i)
    month = MONTHS.get(w.removesuffix("."))
    if month is not None:  # "April 2", "apr 2nd, 2027"
        nxt = word(toks, i + 1)
        d = ordinal(nxt) or (number(nxt) if is_number(nxt) else None)
        if d is None:
            return None
        j, year = _year(toks, i + 2)
        found = next_date(ctx.today, month, d, year)
        return (j, Piece(day=found)) if found else None
    start = i + 1 if w == "the" else i
    d = ordinal(word(toks, start)) or (int(word(toks, start)) if is_number(word(toks, start)) and w != "the"
                                       and len(word(toks, start)) <= 2 else None)
    if d is None:
        return None
    j = start + 1
    k = j + 1 if word(toks, j) == "of" else j
    month = MONTHS.get(word(toks, k).removesuffix("."))
    if month is not None:  # "2 November", "the 2nd of Nov 2027"
        j, year = _year(toks, k + 1)
        found = next_date(ctx.today, month, d, year)
        return (j, Piece(day=found)) if found else None
    if ordinal(word(toks, start)) is None:
        return None
    found_day = next_month_day(ctx.today, d)
    return (j, Piece(day=found_day, weak=True)) if found_day else None


def day_at(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """A day phrase starting at token `i`."""
    w = word(toks, i)
    found_ordinal = ordinal_day_at(toks, i, ctx)
    if found_ordinal:
        return found_ordinal
    if w == "the" and word(toks, i + 1) in {"end", "close", "day"}:
        return _relative(toks, i + 1, ctx)
    m = _ISO.match(w)
    if m:
        y, mo, d, hh, mm = m.groups()
        try:
            day = date(int(y), int(mo), int(d))
            clock = time(int(hh), int(mm)) if hh else None
        except ValueError:
            return None
        return i + 1, Piece(day=day, clock=clock, strong=True)
    for matcher in (_relative, _next_this, _month_day):
        found = matcher(toks, i, ctx)
        if found:
            return found
    if w == "weekend" or (w == "the" and word(toks, i + 1) == "weekend"):  # "by the weekend"
        saturday = ctx.today if ctx.today.weekday() >= 5 else next_weekday(ctx.today, 5)
        return i + (1 if w == "weekend" else 2), Piece(day=saturday, weak=True)
    wd = weekday_of(w, abbr=False)
    if wd is not None:
        return i + 1, Piece(day=next_weekday(ctx.today, wd), roll=7)
    wd = weekday_of(w)
    if wd is not None:
        return i + 1, Piece(day=next_weekday(ctx.today, wd), roll=7, weak=True)
    return None
