"""The portfolio roll-up: figures and forecasts per project, summed up per goal."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from core.people import Person
from core.ports import UnitOfWork
from core.projects import Goal, Project
from core.report.figures import WorkFigures, summed
from core.report.forecast import TREND, Forecast, forecast
from core.report.health import QUARTER
from core.schedule.wall import local_instant


@dataclass(frozen=True)
class Line:
    """One project (or goal) of a roll-up with its figures and forecast."""

    name: str
    figures: WorkFigures
    outlook: Forecast


@dataclass(frozen=True)
class GoalRollup:
    goal: Goal | None  # None: the projects that serve no goal
    total: Line
    projects: tuple[Line, ...]


def target_instant(target: date, tz: str) -> datetime:
    """The end of the target day in `tz`: a commitment after it falls after the target."""
    return local_instant(target + timedelta(days=1), time(0), tz)


def roll_up(uow: UnitOfWork, workspace_id: int, viewer: Person | None, now: datetime, tz: str,
            goals: list[Goal], projects: list[Project], goal_id: int | None = None) -> list[GoalRollup]:
    """Each goal (then the projects with none) with its projects, counted over what `viewer` may see.

    `goal_id` narrows the counting to that goal's projects (goal status); otherwise every project counts."""
    by_id = {goal.id: goal for goal in goals}
    targets = {goal.id or 0: target_instant(goal.target_on, tz) for goal in goals if goal.target_on is not None}
    figures = uow.reports.project_figures(workspace_id, viewer, now, now - TREND, targets, goal_id=goal_id)
    owners = {owner for numbers in figures.values() for owner in numbers.latest_by_owner}
    slips = uow.reports.slips(workspace_id, viewer, now - QUARTER, now, owners)

    def line(name: str, numbers: WorkFigures) -> Line:
        return Line(name, numbers, forecast(numbers, slips, now))

    rollups = []
    for goal in [*goals, None]:
        mine = [p for p in projects if (p.goal_id == goal.id if goal else p.goal_id not in by_id)]
        if goal is None and not mine:
            continue
        lines = tuple(line(f"#{p.name}", figures.get(p.id or 0, WorkFigures())) for p in mine)
        total = summed(one.figures for one in lines)
        rollups.append(GoalRollup(goal, line(goal.name if goal else "No goal", total), lines))
    return rollups
