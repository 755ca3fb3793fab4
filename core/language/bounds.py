"""Where a schedule starts and ends ("starting November 3", "until the end of December", "for 6 weeks"),
and its first occurrence."""
from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from itertools import islice

from dateutil.rrule import rrulestr

from core.language.dates import day_at
from core.language.days import add_months
from core.language.piece import Ctx, Piece, word
from core.language.tokens import Token, number

_STARTS = {"starting", "beginning", "from", "effective", "commencing"}
_ENDS = {"until", "till", "til", "through", "thru", "ending"}
_SPANS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 0, "months": 0, "year": 0, "years": 0}
_TIMES = {"times", "occurrences", "occurences"}
_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_INTERVAL = re.compile(r"INTERVAL=([0-9]+)")


def bounds_at(toks: list[Token], j: int, ctx: Ctx, piece: Piece) -> int:
    """Read start and end clauses after a schedule into `piece`; the index after them."""
    while True:
        w = word(toks, j)
        k = j + 1 + (word(toks, j + 1) in {"on", "from", "at", "with"})
        if w in _STARTS and piece.start is None and (found := day_at(toks, k, ctx)) and found[1].day:
            piece.start, j = found[1].day, found[0]
        elif w in _ENDS and piece.until is None and (found := day_at(toks, k, ctx)) and found[1].day:
            piece.until, j = found[1].day, found[0]
        elif w == "for" and (n := number(word(toks, j + 1))) and word(toks, j + 2) in _SPANS:
            piece.lasting, j = (n, word(toks, j + 2)), j + 3
        elif (n := number(w)) and word(toks, j + 1) in _TIMES and w not in {"a", "an"}:
            piece.count, j = n, j + 2
        else:
            return j


def _span_end(start: date, n: int, unit: str) -> date:
    if _SPANS[unit]:
        return start + timedelta(days=n * _SPANS[unit] - 1)
    return add_months(start, n * (12 if unit.startswith("year") else 1)) - timedelta(days=1)


def _plain(rule: str) -> str:
    """The rule without its interval and bounds: which days match at all."""
    return ";".join(p for p in rule.split(";") if not p.startswith(("INTERVAL=", "COUNT=", "UNTIL=")))


def first_occurrence(piece: Piece, ctx: Ctx) -> datetime:
    """The first matching day (and time) from the start or now on, as naive local wall time.

    The interval does not count here: "every 4 weeks on Monday" starts on the next Monday.
    """
    assert piece.rule is not None
    day = max(piece.start or ctx.today, ctx.today)
    start = datetime.combine(day, piece.clock or time(0))
    if piece.clock and start <= ctx.local:
        start += timedelta(days=1)
    found = rrulestr(_plain(piece.rule), dtstart=start).after(start, inc=True)
    return found if isinstance(found, datetime) else start


def hours_apart(rule: str) -> timedelta:
    """The step of an hourly rule: "every 8 hours" starts 8 real hours from now."""
    step = _INTERVAL.search(rule)
    return timedelta(hours=int(step.group(1)) if step else 1)


def finished_rule(piece: Piece, first: date) -> str:
    """The rule as stored: anchored on an explicit start day, ended by UNTIL (local wall time).

    A count becomes the UNTIL of its last occurrence, so the series still ends when each instance
    restarts the rule from its own due.
    """
    assert piece.rule is not None
    rule = piece.rule
    if piece.start is not None:
        rule += _anchor(rule, first)
    until = piece.until
    if piece.lasting:
        until = _span_end(first, *piece.lasting)
    if piece.count:
        dates = list(islice(rrulestr(rule, dtstart=datetime.combine(first, piece.clock or time(0))), piece.count))
        until = dates[-1].date() if dates else None
    return rule + (f";UNTIL={until:%Y%m%d}T235959" if until else "")


def _anchor(rule: str, first: date) -> str:
    if rule.startswith("FREQ=WEEKLY") and "BYDAY" not in rule:
        return f";BYDAY={_CODES[first.weekday()]}"
    if rule.startswith("FREQ=MONTHLY") and "BYDAY" not in rule and "BYMONTHDAY" not in rule:
        return f";BYMONTHDAY={first.day}"
    if rule.startswith("FREQ=YEARLY") and "BYMONTH" not in rule:
        return f";BYMONTH={first.month};BYMONTHDAY={first.day}"
    return ""
