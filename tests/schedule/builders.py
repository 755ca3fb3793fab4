"""Small builders for scheduling tests: people, tasks, instants and a fake holiday calendar."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from core.due import Due
from core.people import Person
from core.tasks import Task

T0 = datetime(2026, 3, 20, 8, 0, tzinfo=UTC)


def person(pid: int = 1, handle: str = "bob", tz: str = "UTC", **changes: Any) -> Person:
    return Person(workspace_id=1, display_name=handle.title(), handle=handle, tz=tz, id=pid, **changes)


def task(number: int = 3, title: str = "Send the report", owner: int = 1, requester: int = 1,
         **changes: Any) -> Task:
    return Task(workspace_id=1, number=number, title=title, requester_id=requester, owner_id=owner,
                created_at=T0, updated_at=T0, id=number * 10, **changes)


def local(tz: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """An aware UTC instant from a wall-clock time in `tz` (the test's way of saying "09:00 Berlin")."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz)).astimezone(UTC)


def local_on(tz: str, day: date, hour: int, minute: int = 0) -> datetime:
    return local(tz, day.year, day.month, day.day, hour, minute)


def wall(instant: datetime, tz: str) -> tuple[date, time]:
    seen = instant.astimezone(ZoneInfo(tz))
    return seen.date(), seen.time()


def on(day: date, tz: str = "UTC") -> Due:
    return Due.date_(day, tz)


def at(instant: datetime, tz: str = "UTC") -> Due:
    return Due.instant(instant, tz)


@dataclass
class FakeHolidays:
    """Holidays by country: {"DE": {date(2026, 4, 3)}}."""

    days: dict[str, set[date]] = field(default_factory=dict)

    def is_holiday(self, country: str | None, day: date) -> bool:
        return country is not None and day in self.days.get(country, set())
