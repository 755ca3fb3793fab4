"""The scheduler's tunables, and the holiday calendar port."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol


@dataclass(frozen=True)
class SchedulePolicy:
    """How eagerly Tandem reminds and follows up (from app.yaml `scheduler`)."""

    reminder_lead: timedelta = timedelta(hours=1)
    follow_up_after_hours: float = 4.0
    escalate_after_nudges: int = 2
    tell_project_owner: bool = False
    project_digest_day: int = 0  # Monday


class HolidayCalendar(Protocol):
    """Public holidays by ISO country code, optionally with a region ("DE-BY")."""

    def is_holiday(self, country: str | None, day: date) -> bool: ...


class NoHolidays:
    """A calendar without holidays (tests, and workspaces with no country set)."""

    def is_holiday(self, country: str | None, day: date) -> bool:
        return False
