"""Recurrence phrases ("every other Tuesday", "on the last day of every month") as RRULE bodies."""
from __future__ import annotations

from core.language.bounds import bounds_at
from core.language.piece import Ctx, Match, Piece, word
from core.language.times import PARTS, clock_at
from core.language.tokens import MONTHS, ORDINAL_WORDS, Token, number, ordinal, weekday_of

_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_FREQ = {"hour": "HOURLY", "day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_ADVERBS = {"daily": "FREQ=DAILY", "weekly": "FREQ=WEEKLY", "monthly": "FREQ=MONTHLY",
            "yearly": "FREQ=YEARLY", "hourly": "FREQ=HOURLY", "annually": "FREQ=YEARLY",
            "biweekly": "FREQ=WEEKLY;INTERVAL=2",
            "fortnightly": "FREQ=WEEKLY;INTERVAL=2", "weekdays": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}
_EVERY = {"every", "each", "ev"}
_MONTHLY = {"month", "months"}
_THE_EVERY = {"the", "every", "each"}


def _weekday(w: str) -> int | None:
    return weekday_of(w[:-1] if w.endswith("days") else w)


def _weekdays(toks: list[Token], i: int) -> tuple[int, list[int]]:
    days: list[int] = []
    j = i
    while (wd := _weekday(word(toks, j))) is not None:
        days.append(wd)
        j += 1
        if word(toks, j) in {",", "and", "&", "/", "+"} and _weekday(word(toks, j + 1)) is not None:
            j += 1
    return j, days


def _of_month(toks: list[Token], i: int) -> int:
    """Skip "of the month" / "of every month" / "of each month"."""
    if word(toks, i) == "of" and word(toks, i + 1) in _THE_EVERY and word(toks, i + 2) in _MONTHLY:
        return i + 3
    return i


def _after_every(toks: list[Token], i: int) -> Match | None:
    w, interval = word(toks, i), ""
    if yearly := _yearly(toks, i):
        return yearly
    if w in {"other", "second"}:
        i, interval = i + 1, ";INTERVAL=2"
    elif (n := number(w)) and n > 1 and w not in {"a", "an"}:
        i, interval = i + 1, f";INTERVAL={n}"
    w = word(toks, i)
    unit = w[:-1] if w.endswith("s") and w[:-1] in _FREQ else w
    if unit in _FREQ:
        j, anchor = _anchor(toks, i + 1, unit)
        return j, Piece(rule=f"FREQ={_FREQ[unit]}{interval}{anchor}")
    if w in {"weekday", "weekdays", "workday", "workdays"}:
        return i + 1, Piece(rule="FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    if w in {"weekend", "weekends"}:
        return i + 1, Piece(rule=f"FREQ=WEEKLY{interval};BYDAY=SA")
    if w in PARTS:
        return i + 1, Piece(rule="FREQ=DAILY", clock=PARTS[w], soft_clock=True)
    j, days = _weekdays(toks, i)
    if days:
        return j, Piece(rule=f"FREQ=WEEKLY{interval};BYDAY=" + ",".join(_CODES[d] for d in days))
    if interval:
        return None
    return _monthly(toks, i)


def _anchor(toks: list[Token], i: int, unit: str) -> tuple[int, str]:
    """The day an interval is anchored to: "on Monday", "on Tue and Thu", "on the 20th", "on March 3"."""
    if word(toks, i) != "on":
        return i, ""
    k = i + 2 if word(toks, i + 1) == "the" else i + 1
    found: Match | None = None
    if unit == "week":
        j, days = _weekdays(toks, k)
        found = (j, Piece(rule="FREQ=WEEKLY;BYDAY=" + ",".join(_CODES[d] for d in days))) if days else None
    elif unit == "month":
        found = _monthly(toks, k)
    elif unit == "year":
        found = _yearly(toks, k)
    if found is None or found[1].rule is None:
        return i, ""
    return found[0], ";" + found[1].rule.split(";", 1)[1]


def _monthly(toks: list[Token], i: int) -> Match | None:
    """"3rd Friday", "last Friday", "27th", "last day" (of the month)."""
    w = word(toks, i)
    nth = ordinal(w) or ORDINAL_WORDS.get(w)
    if nth is None:
        return None
    wd = weekday_of(word(toks, i + 1))
    if wd is not None and -1 <= nth <= 5:
        return _of_month(toks, i + 2), Piece(rule=f"FREQ=MONTHLY;BYDAY={nth:+d}{_CODES[wd]}")
    if word(toks, i + 1) == "day":
        return _of_month(toks, i + 2), Piece(rule=f"FREQ=MONTHLY;BYMONTHDAY={nth}")
    if ordinal(w) and nth <= 31 and MONTHS.get(word(toks, i + 1)) is None:
        return _of_month(toks, i + 1), Piece(rule=f"FREQ=MONTHLY;BYMONTHDAY={nth}")
    return None


def _yearly(toks: list[Token], i: int) -> Match | None:
    """"Jan 27th", "27 January"."""
    w = word(toks, i)
    if (month := MONTHS.get(w)) is not None:
        d, j = ordinal(word(toks, i + 1)) or number(word(toks, i + 1)), i + 2
    else:
        d, j = ordinal(w) or number(w), i + 1
        j = j + 1 if word(toks, j) == "of" else j
        month, j = MONTHS.get(word(toks, j)), j + 1
    if month is None or d is None or not 1 <= d <= 31:
        return None
    return j, Piece(rule=f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={d}")


def _day_of_every_month(toks: list[Token], i: int) -> Match | None:
    """"the 1st of every month", "the last day of each month"."""
    j = i + 1 if word(toks, i) == "the" else i
    nth = ordinal(word(toks, j)) or (-1 if word(toks, j) == "last" else None)
    if nth is None:
        return None
    j += 2 if word(toks, j + 1) == "day" else 1
    if word(toks, j) == "of" and word(toks, j + 1) in _EVERY and word(toks, j + 2) in _MONTHLY:
        return j + 3, Piece(rule=f"FREQ=MONTHLY;BYMONTHDAY={nth}", strong=True)
    return None


def rule_at(toks: list[Token], i: int, ctx: Ctx) -> Match | None:
    """A recurrence at token `i`, with the time of day and the start and end clauses that may follow."""
    w = word(toks, i)
    found: Match | None
    if w in _EVERY:
        found = _after_every(toks, i + 1)
        if found:
            found[1].strong = True
    elif w in _ADVERBS:
        found = i + 1, Piece(rule=_ADVERBS[w])
    elif _weekday(w) is not None and w.endswith("days"):
        found = _weekdays(toks, i)[0], Piece(rule="FREQ=WEEKLY;BYDAY=" + ",".join(
            _CODES[d] for d in _weekdays(toks, i)[1]))
    else:
        found = _day_of_every_month(toks, i)
    if found is None:
        return None
    j, piece = found
    j = _clock(toks, j, piece)
    k = bounds_at(toks, j, ctx, piece)
    return (_clock(toks, k, piece) if k > j and piece.clock is None else k), piece


def _clock(toks: list[Token], j: int, piece: Piece) -> int:
    k = j + 1 if word(toks, j) in {"at", ","} else j
    clock = clock_at(toks, k, after_at=word(toks, j) == "at", after_day=True)
    return clock[0] if clock and piece.merge(clock[1]) else j
