"""The roll-up in SQL: counts per project and each owner's latest commitment, and a project's history."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, and_, case, false, func, literal, not_, or_, select
from sqlalchemy.orm import Session

from core.people import Person
from core.report.figures import WorkFigures
from storage.repositories.report_sql import (
    CANCELLED,
    COMMITTED,
    DONE,
    IS_OPEN,
    UNANSWERED,
    aware,
    count_of,
    seen_by,
)
from storage.rows import ProjectRow, TaskRow
from storage.types import UTCDateTime


class FigureQueries:
    """Aggregates for goal status, the portfolio and the project digest."""

    _session: Session

    def project_figures(self, workspace_id: int, viewer: Person | None, now: datetime, trend_since: datetime,
                        targets: dict[int, datetime], goal_id: int | None = None, project_id: int | None = None,
                        ) -> dict[int, WorkFigures]:
        """WorkFigures per project id (of one goal, or one project, or all), over non-cancelled tasks `viewer`
        may see; `targets` maps a goal id to the instant after which its projects' commitments are late."""
        sqlite = self._session.get_bind().dialect.name == "sqlite"
        where = [seen_by(workspace_id, viewer, ProjectRow.private, by_project=sqlite), TaskRow.status != CANCELLED]
        if goal_id is not None:
            # By project id, so the planner reaches the goal's tasks through the project index, not a full scan.
            served = select(ProjectRow.id).where(ProjectRow.workspace_id == workspace_id, ProjectRow.goal_id == goal_id)
            where += [ProjectRow.goal_id == goal_id, TaskRow.project_id.in_(served.scalar_subquery())]
        if project_id is not None:
            where.append(TaskRow.project_id == project_id)
        past = TaskRow.due_deadline <= now
        target = case({goal: literal(at, UTCDateTime()) for goal, at in targets.items()}, value=ProjectRow.goal_id)
        after = TaskRow.due_deadline > target if targets else false()
        in_projects = select(TaskRow).join(ProjectRow, ProjectRow.id == TaskRow.project_id).where(*where)
        rows = self._session.execute(in_projects.with_only_columns(
            TaskRow.project_id, func.count(), count_of(TaskRow.status == DONE),
            count_of(and_(IS_OPEN, COMMITTED)), count_of(and_(IS_OPEN, UNANSWERED)),
            count_of(and_(IS_OPEN, TaskRow.due_deadline.is_(None), not_(UNANSWERED))),
            count_of(and_(IS_OPEN, past)),
            count_of(and_(COMMITTED, or_(and_(IS_OPEN, past),
                                       and_(TaskRow.status == DONE, TaskRow.completed_at > TaskRow.due_deadline)))),
            count_of(and_(IS_OPEN, COMMITTED, after)),
            count_of(and_(TaskRow.status == DONE, TaskRow.completed_at > trend_since)),
            count_of(TaskRow.created_at > trend_since), maintain_column_froms=True,
        ).group_by(TaskRow.project_id)).all()
        latest = self._latest_by_owner(in_projects)
        return {int(row[0] or 0): _figures([int(n) for n in row[1:]], latest.get(int(row[0] or 0), {}))
                for row in rows}

    def _latest_by_owner(self, in_projects: Select[TaskRow]) -> dict[int, dict[int, datetime]]:
        rows = self._session.execute(
            in_projects.with_only_columns(TaskRow.project_id, TaskRow.owner_id, func.max(TaskRow.due_deadline),
                                          maintain_column_froms=True)
            .where(IS_OPEN, COMMITTED).group_by(TaskRow.project_id, TaskRow.owner_id)
        ).all()
        latest: dict[int, dict[int, datetime]] = {}
        for project_id, owner_id, deadline in rows:
            if project_id is not None and deadline is not None:
                latest.setdefault(int(project_id), {})[int(owner_id)] = aware(deadline)
        return latest

    def work_history(self, workspace_id: int, viewer: Person | None, project_id: int,
                     ) -> list[tuple[datetime, datetime | None]]:
        """(created_at, completed_at when done) of the project's non-cancelled tasks, for a burn-up."""
        rows = self._session.execute(select(TaskRow.created_at, TaskRow.completed_at, TaskRow.status).where(
            seen_by(workspace_id, viewer), TaskRow.project_id == project_id, TaskRow.status != CANCELLED)).all()
        return [(aware(created), aware(done) if done and status == DONE else None) for created, done, status in rows]


def _figures(n: list[int], latest: dict[int, datetime]) -> WorkFigures:
    return WorkFigures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], latest)
