"""Wall-clock time in a person's zone, turned into aware UTC instants without DST surprises."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def local_instant(day: date, at: time, tz: str) -> datetime:
    """The UTC instant when clocks in `tz` read `at` on `day`.

    An ambiguous time (fall back) is its first occurrence; a time that does not exist (spring forward)
    becomes the first instant after the gap, e.g. 02:30 on a 02:00→03:00 day is 03:00.
    """
    zone = ZoneInfo(tz)
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    first = naive.replace(tzinfo=zone)
    instant = first.astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == naive:
        return instant
    return _end_of_gap(naive.replace(tzinfo=zone, fold=1).astimezone(UTC), instant, zone)


def _end_of_gap(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The transition instant between `before` (old offset) and `after` (new offset), to the second."""
    old = before.astimezone(zone).utcoffset()
    low, high = before, after
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == old:
            low = middle
        else:
            high = middle
    return high.replace(microsecond=0)


def local_date(instant: datetime, tz: str) -> date:
    """The calendar day `instant` falls on in `tz`."""
    return instant.astimezone(ZoneInfo(tz)).date()


def same_time_next_day(instant: datetime, tz: str) -> datetime:
    """The same wall-clock time one calendar day later in `tz` (23, 24 or 25 hours later)."""
    local = instant.astimezone(ZoneInfo(tz))
    return local_instant(local.date() + timedelta(days=1), local.time(), tz)
