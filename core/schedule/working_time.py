"""Working days and hours of a person: when they can be reminded, and how long "4 working hours" is."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from core.people import Person
from core.schedule.policy import HolidayCalendar
from core.schedule.wall import local_date, local_instant

SEARCH_DAYS = 366


def is_holiday(person: Person, day: date, holidays: HolidayCalendar) -> bool:
    """A public holiday where the person works; nobody has holidays without a country."""
    return person.holiday_country is not None and holidays.is_holiday(person.holiday_country, day)


def is_working_day(person: Person, day: date, holidays: HolidayCalendar) -> bool:
    """One of the person's working weekdays, not a holiday for them, and they are not away."""
    return day.weekday() in person.working_days and not is_holiday(person, day, holidays) and not person.is_away(day)


def working_window(person: Person, day: date) -> tuple[datetime, datetime]:
    """The UTC start and end of the working hours that begin on `day` (ending next day for night shifts)."""
    start = local_instant(day, person.work_start, person.tz)
    end_day = day if person.work_end > person.work_start else day + timedelta(days=1)
    return start, local_instant(end_day, person.work_end, person.tz)


def _windows(person: Person, instant: datetime, holidays: HolidayCalendar) -> Iterator[tuple[datetime, datetime]]:
    """Working windows that have not ended by `instant`, in order, over at most a year without work."""
    day = local_date(instant, person.tz) - timedelta(days=1)
    idle = 0
    while idle <= SEARCH_DAYS:
        if is_working_day(person, day, holidays):
            start, end = working_window(person, day)
            if end > instant:
                idle = 0
                yield max(start, instant), end
        idle += 1
        day += timedelta(days=1)


def is_working_time(person: Person, instant: datetime, holidays: HolidayCalendar) -> bool:
    """Whether `instant` falls inside one of the person's working windows."""
    return next_working_moment(person, instant, holidays) == instant


def next_working_moment(person: Person, instant: datetime, holidays: HolidayCalendar) -> datetime:
    """`instant` itself during working hours, else the start of the next working window.

    Someone with no working day within a year is reached at `instant` rather than never.
    """
    for start, _ in _windows(person, instant, holidays):
        return start
    return instant


def add_working_hours(person: Person, start: datetime, hours: float, holidays: HolidayCalendar) -> datetime:
    """The instant after `hours` of the person's working time have passed since `start`.

    Windows are measured in UTC, so a window spanning a DST change counts the hours really worked.
    """
    remaining = timedelta(hours=hours)
    if remaining <= timedelta(0):
        return start
    for begin, end in _windows(person, start, holidays):
        if remaining <= end - begin:
            return begin + remaining
        remaining -= end - begin
    return start + timedelta(hours=hours)
