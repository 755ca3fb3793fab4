"""Due dates: either a calendar date in a zone, or an exact instant remembered with its zone."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.clock import require_aware


@dataclass(frozen=True)
class Due:
    """When something is due. `on` for a date-only deadline, `at` (aware UTC) for an exact one.

    `tz` is the IANA zone the deadline was given in, so "due Fri" stays Friday for its author.
    """

    tz: str
    on: date | None = None
    at: datetime | None = None

    def __post_init__(self) -> None:
        if (self.on is None) == (self.at is None):
            raise ValueError("a Due is either a date (on) or an instant (at)")
        if self.at is not None:
            object.__setattr__(self, "at", require_aware(self.at).astimezone(UTC))

    @classmethod
    def date_(cls, day: date, tz: str) -> Due:
        return cls(tz=tz, on=day)

    @classmethod
    def instant(cls, when: datetime, tz: str) -> Due:
        return cls(tz=tz, at=when)

    @property
    def kind(self) -> str:
        """'date' or 'datetime' (the wire names used by `tandem parse`)."""
        return "date" if self.on is not None else "datetime"

    @property
    def is_date(self) -> bool:
        return self.on is not None

    def local_date(self, tz: str | None = None) -> date:
        """The calendar day of the deadline, seen from `tz` (default: the zone it was given in)."""
        if self.on is not None:
            return self.on
        assert self.at is not None
        return self.at.astimezone(ZoneInfo(tz or self.tz)).date()

    def deadline(self) -> datetime:
        """The instant after which the task is overdue: end of the day for a date, else the time."""
        if self.at is not None:
            return self.at
        assert self.on is not None
        end = datetime.combine(self.on + timedelta(days=1), time(0), ZoneInfo(self.tz))
        return end.astimezone(UTC)

    def sort_key(self) -> datetime:
        """Orders date-only deadlines at the end of their day, among exact ones."""
        return self.deadline()

    def wire(self) -> str:
        """ISO text: YYYY-MM-DD for a date, an offset datetime in its own zone for an instant."""
        if self.on is not None:
            return self.on.isoformat()
        assert self.at is not None
        return self.at.astimezone(ZoneInfo(self.tz)).isoformat()


def end_of_week(now: datetime, tz: str) -> datetime:
    """The end of the calendar week (Monday to Sunday) that `now` falls in, as `tz` sees it: next Monday 00:00."""
    today = now.astimezone(ZoneInfo(tz)).date()
    monday = today + timedelta(days=7 - today.weekday())
    return datetime.combine(monday, time(0), ZoneInfo(tz)).astimezone(UTC)
