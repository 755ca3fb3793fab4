"""The burn-up series: work done against total work over time, with the forecast, for a chart."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from core.i18n import language
from core.schedule.wall import local_date

STEP = timedelta(days=7)
MAX_POINTS = 26  # half a year of weeks


@dataclass(frozen=True)
class BurnUp:
    """Weekly points (day, total, done) ending today, and the forecast line's end when there is one."""

    title: str
    days: tuple[date, ...]
    total: tuple[int, ...]
    done: tuple[int, ...]
    promised: date | None = None
    likely: date | None = None
    lang: str = "en"  # the language its labels are drawn in: its reader's

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "days": [d.isoformat() for d in self.days], "total": list(self.total),
                "done": list(self.done), "promised": self.promised.isoformat() if self.promised else None,
                "likely": self.likely.isoformat() if self.likely else None, "lang": self.lang}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BurnUp:
        def day(raw: Any) -> date | None:
            return date.fromisoformat(raw) if raw else None
        return cls(str(data["title"]), tuple(date.fromisoformat(d) for d in data["days"]),
                   tuple(int(n) for n in data["total"]), tuple(int(n) for n in data["done"]),
                   day(data.get("promised")), day(data.get("likely")), str(data.get("lang") or "en"))


def burn_up(title: str, work: Sequence[tuple[datetime, datetime | None]], now: datetime, tz: str,
            promised: datetime | None = None, likely: datetime | None = None) -> BurnUp:
    """Points every week back from today (at most MAX_POINTS), from (created_at, completed_at) pairs."""
    today = local_date(now, tz)
    first = min((local_date(created, tz) for created, _ in work), default=today)
    weeks = min(MAX_POINTS - 1, (today - first).days // STEP.days + 1)
    days = tuple(today - STEP * back for back in range(weeks, -1, -1))
    created = sorted(local_date(c, tz) for c, _ in work)
    completed = sorted(local_date(d, tz) for _, d in work if d is not None)
    return BurnUp(
        title, days, tuple(bisect_right(created, day) for day in days),
        tuple(bisect_right(completed, day) for day in days),
        _day(promised, tz), _day(likely, tz), language(),
    )




def _day(deadline: datetime | None, tz: str) -> date | None:
    """The day a deadline instant belongs to (a date's deadline is the midnight that ends it)."""
    return local_date(deadline - timedelta(microseconds=1), tz) if deadline else None
