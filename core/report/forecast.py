"""The forecast finish (what was promised) and the likely finish (what history says)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from core.report.figures import WorkFigures

TREND = timedelta(days=28)  # the window over which work done and work added are measured


@dataclass(frozen=True)
class Forecast:
    """When the open work is due to finish, as promised and as likely."""

    promised: datetime | None  # the latest committed date among open tasks
    likely: datetime | None  # None when there is no open work, or no finish in sight at the current pace
    unknown: int  # open tasks with no agreed date (undated or unanswered)
    at_risk: int  # open commitments after the target
    stalled: bool  # work is added as fast as it is done (or faster): no likely finish


def forecast(figures: WorkFigures, slips: dict[int, timedelta], now: datetime) -> Forecast:
    """Promised: the latest open commitment. Likely: each owner's latest commitment moved by their typical
    slip, or, when later, the finish the trend of done versus added work points to."""
    promised = figures.promised
    if figures.open == 0:
        return Forecast(promised, None, 0, 0, False)
    slipped = [deadline + slips.get(owner, timedelta(0)) for owner, deadline in figures.latest_by_owner.items()]
    net_per_day = (figures.done_recent - figures.added_recent) / TREND.days
    stalled = net_per_day <= 0 and figures.unknown > 0
    trend = now + timedelta(days=figures.open / net_per_day) if net_per_day > 0 else None
    candidates = [moment for moment in (*slipped, trend) if moment is not None]
    likely = None if stalled or not candidates else max(max(candidates), now)
    return Forecast(promised, likely, figures.unknown, figures.after_target, stalled)
