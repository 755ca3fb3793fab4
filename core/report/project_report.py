"""What the weekly project digest adds: the forecast, the team's record and the burn-up series."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.ports import UnitOfWork
from core.projects import Project
from core.report.burnup import burn_up
from core.report.figures import WorkFigures
from core.report.forecast import TREND, forecast
from core.report.health import MONTH, QUARTER, kept_counts
from core.report.rollup import target_instant
from core.report.text import figures_line, forecast_lines, kept_line


@dataclass(frozen=True)
class ProjectReport:
    text: str
    chart: dict[str, Any]


def project_report(uow: UnitOfWork, project: Project, now: datetime, tz: str) -> ProjectReport:
    """Counts, forecast and kept commitments over the project's non-private tasks (a channel reads it)."""
    workspace, project_id = project.workspace_id, project.id or 0
    goal = uow.goals.get(project.goal_id) if project.goal_id else None
    target = goal.target_on if goal else None
    targets = {goal.id or 0: target_instant(target, tz)} if goal and target else {}
    figures = uow.reports.project_figures(workspace, None, now, now - TREND, targets, project_id=project_id).get(
        project_id, WorkFigures())
    slips = uow.reports.slips(workspace, None, now - QUARTER, now, figures.latest_by_owner)
    outlook = forecast(figures, slips, now)
    lines = [figures_line(figures), *forecast_lines(outlook, target, tz, now)]
    kept = kept_line(*kept_counts(uow.reports.commitments(workspace, None, now - MONTH, now, project_id=project_id),
                                  now - MONTH, now), you=False)
    if kept:
        lines.append(kept)
    series = burn_up(f"#{project.name}", uow.reports.work_history(workspace, None, project_id), now, tz,
                     outlook.promised, outlook.likely)
    return ProjectReport("\n".join(lines), series.to_dict())
