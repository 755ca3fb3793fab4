"""Calendar arithmetic on local dates, and placing a wall-clock time in a zone (DST-correct)."""
from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def next_weekday(today: date, weekday: int, *, include_today: bool = True) -> date:
    """The next `weekday` (0 = Monday) on or after today (or strictly after)."""
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def weekday_next_week(today: date, weekday: int) -> date:
    """`weekday` in the Monday-based week after this one ("next Friday")."""
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
    return monday + timedelta(days=weekday)


def last_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def next_month_day(today: date, day: int) -> date | None:
    """The next date with day-of-month `day`, today included (skipping months too short)."""
    year, month = today.year, today.month
    for _ in range(13):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def next_date(today: date, month: int, day: int, year: int | None = None) -> date | None:
    """Month and day in `year`, or the next such date on or after today when no year is given."""
    years = [year] if year else [today.year, today.year + 1, today.year + 4]
    for y in years:
        try:
            found = date(y, month, day)
        except ValueError:
            continue
        if year or found >= today:
            return found
    return None


def place(day: date, clock: time, tz: str) -> datetime:
    """The instant of a wall-clock time on a day in `tz`, as aware UTC.

    A time skipped by a DST change (02:30 on the spring-forward day) lands after the gap.
    """
    local = datetime.combine(day, clock).replace(tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def utc(value: datetime) -> datetime:
    return value.astimezone(UTC)
