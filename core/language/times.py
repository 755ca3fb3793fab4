"""Clock times ("3pm", "15:00", "at 9", noon, morning) and durations ("in 4 hours", "2h")."""
from __future__ import annotations

import re
from datetime import time, timedelta

from core.language.days import add_months
from core.language.piece import Ctx, Match, Piece, word
from core.language.tokens import Token, number
from core.language.zones import zone_after

_CLOCK = re.compile(r"^([0-9]{1,2})(?:[:.]([0-9]{2}))?(am|pm|a\.m|p\.m|a\.m\.|p\.m\.|h)?$")
_MERIDIEM = {"am": "am", "pm": "pm", "a.m": "am", "p.m": "pm", "a.m.": "am", "p.m.": "pm"}
NAMED = {"noon": time(12), "midday": time(12), "midnight": time(0)}
PARTS = {"morning": time(9), "afternoon": time(15), "evening": time(18), "night": time(20)}
_UNITS = {
    "m": "minutes", "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "month": "months", "months": "months",
}
_COMPACT = re.compile(r"^([0-9]{1,4})(m|min|mins|h|hr|hrs|d|w|wk)$")


def _hour(raw: int, meridiem: str | None, *, padded: bool) -> int | None:
    if meridiem == "am":
        return 0 if raw == 12 else raw if raw <= 12 else None
    if meridiem == "pm":
        return 12 if raw == 12 else raw + 12 if raw < 12 else None
    if 1 <= raw <= 6 and not padded:  # "at 3" in a work request means the afternoon
        return raw + 12
    return raw if raw <= 23 else None


def clock_at(toks: list[Token], i: int, *, after_at: bool, after_day: bool) -> Match | None:
    """A time of day at token `i`; a bare hour ("9") only right after "at"."""
    w = word(toks, i)
    if w in NAMED:
        return with_zone(toks, i + 1, Piece(clock=NAMED[w], roll=1))
    if w in PARTS and after_day:
        return i + 1, Piece(clock=PARTS[w], soft_clock=True)
    if w == "in" and word(toks, i + 1) == "the" and word(toks, i + 2) in PARTS and after_day:
        return i + 3, Piece(clock=PARTS[word(toks, i + 2)], soft_clock=True)
    m = _CLOCK.match(w)
    if not m:
        return None
    hh, mm, suffix = m.groups()
    j = i + 1
    meridiem = _MERIDIEM.get(suffix or "")
    if suffix is None and word(toks, j) in _MERIDIEM:
        meridiem, j = _MERIDIEM[word(toks, j)], j + 1
    if word(toks, j) in {"o'clock", "o’clock", "oclock"}:
        j += 1
    elif mm is None and meridiem is None and suffix != "h" and not after_at:
        return None
    if mm is not None and "." in w and meridiem is None:
        return None
    hour = _hour(int(hh), meridiem, padded=hh.startswith("0") or (mm is None and suffix == "h"))
    minute = int(mm or 0)
    if hour is None or minute > 59:
        return None
    return with_zone(toks, j, Piece(clock=time(hour, minute), roll=1))


def with_zone(toks: list[Token], j: int, piece: Piece) -> Match:
    """The time, and the zone named right after it ("3pm Eastern", "noon London time")."""
    zone = zone_after(toks, j)
    if zone is None:
        return j, piece
    piece.zone = zone[1]
    return zone[0], piece


def _amount(toks: list[Token], i: int) -> tuple[int, float, str] | None:
    """(next index, count, unit) for "2 hours", "an hour", "90min", "half an hour"."""
    w = word(toks, i)
    m = _COMPACT.match(w)
    if m:
        return i + 1, float(m.group(1)), _UNITS[m.group(2)]
    if w == "half" and word(toks, i + 1) in {"an", "a"} and word(toks, i + 2) == "hour":
        return i + 3, 30.0, "minutes"
    n = number(w)
    unit = _UNITS.get(word(toks, i + 1))
    if n is None or unit is None:
        return None
    return i + 2, float(n), unit


def duration_at(toks: list[Token], i: int, ctx: Ctx, *, bare: bool = False) -> Match | None:
    """ "in 4 hours" (an instant, added in absolute time) or "in 2 weeks" (a date)."""
    j = i
    if word(toks, i) in {"in", "within"}:
        j = i + 1
    elif not bare:
        return None
    found = _amount(toks, j)
    if found is None:
        return None
    end, count, unit = found
    if unit in {"minutes", "hours"}:
        return end, Piece(shift=timedelta(**{unit: count}), strong=True)
    if unit == "months":
        return end, Piece(day=add_months(ctx.today, int(count)), strong=True)
    return end, Piece(day=ctx.today + timedelta(**{unit: int(count)}), strong=True)
