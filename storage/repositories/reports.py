"""Report figures in SQL: aggregates over the tasks a reader may see, never the tasks themselves."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, literal, not_, or_, select, true
from sqlalchemy.orm import Session

from core.people import Person
from core.ports import TaskQuery
from core.report.figures import WorkFigures
from core.report.health import ANSWERS, RENEGOTIATIONS, Commitment, Request
from core.tasks import Agreement, Status, Visibility
from storage.repositories.task_query import visible_to
from storage.rows import ActivityRow, ProjectRow, TaskRow
from storage.types import UTCDateTime

CHUNK = 900
DONE, CANCELLED = Status.DONE.value, Status.CANCELLED.value
IS_OPEN = TaskRow.status.not_in((DONE, CANCELLED))
COMMITTED = and_(TaskRow.agreement == Agreement.COMMITTED.value, TaskRow.due_deadline.is_not(None))
UNANSWERED = and_(TaskRow.requester_id != TaskRow.owner_id, TaskRow.agreement != Agreement.COMMITTED.value)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def seen_by(workspace_id: int, viewer: Person | None) -> ColumnElement[bool]:
    """The shared visibility filter for `viewer`; with no viewer (a channel digest) only non-private tasks."""
    if viewer is None:
        return and_(TaskRow.workspace_id == workspace_id, TaskRow.visibility != Visibility.PRIVATE.value)
    return and_(TaskRow.workspace_id == workspace_id, visible_to(TaskQuery(workspace_id, viewer)))


def _scope(owner_id: int | None, project_id: int | None) -> ColumnElement[bool]:
    conditions = [TaskRow.owner_id == owner_id] if owner_id is not None else []
    if project_id is not None:
        conditions.append(TaskRow.project_id == project_id)
    return and_(true(), *conditions)


class SqlReports:
    """Roll-ups, commitment records and burn-up history for the report handlers and digests."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def project_figures(self, workspace_id: int, viewer: Person | None, now: datetime, trend_since: datetime,
                        targets: dict[int, datetime], goal_id: int | None = None, project_id: int | None = None,
                        ) -> dict[int, WorkFigures]:
        """WorkFigures per project id (of one goal, or one project, or all), over non-cancelled tasks `viewer`
        may see; `targets` maps a goal id to the instant after which its projects' commitments are late."""
        where = [seen_by(workspace_id, viewer), TaskRow.status != CANCELLED]
        if goal_id is not None:
            where.append(ProjectRow.goal_id == goal_id)
        if project_id is not None:
            where.append(TaskRow.project_id == project_id)
        past = TaskRow.due_deadline <= now
        target = case({goal: literal(at, UTCDateTime()) for goal, at in targets.items()}, value=ProjectRow.goal_id)
        after = TaskRow.due_deadline > target if targets else false()
        in_projects = select(TaskRow).join(ProjectRow, ProjectRow.id == TaskRow.project_id).where(*where)
        rows = self._session.execute(in_projects.with_only_columns(
            TaskRow.project_id, func.count(), _count(TaskRow.status == DONE),
            _count(and_(IS_OPEN, COMMITTED)), _count(and_(IS_OPEN, UNANSWERED)),
            _count(and_(IS_OPEN, TaskRow.due_deadline.is_(None), not_(UNANSWERED))),
            _count(and_(IS_OPEN, past)),
            _count(and_(COMMITTED, or_(and_(IS_OPEN, past),
                                       and_(TaskRow.status == DONE, TaskRow.completed_at > TaskRow.due_deadline)))),
            _count(and_(IS_OPEN, COMMITTED, after)),
            _count(and_(TaskRow.status == DONE, TaskRow.completed_at > trend_since)),
            _count(TaskRow.created_at > trend_since), maintain_column_froms=True,
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
                latest.setdefault(int(project_id), {})[int(owner_id)] = _aware(deadline)
        return latest

    def commitments(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
                    owner_id: int | None = None, project_id: int | None = None) -> list[Commitment]:
        """Non-cancelled commitments whose date fell in (since, now]."""
        rows = self._session.execute(
            select(TaskRow.owner_id, TaskRow.due_deadline, TaskRow.completed_at, TaskRow.status).where(
                seen_by(workspace_id, viewer), _scope(owner_id, project_id), COMMITTED,
                TaskRow.status != CANCELLED, TaskRow.due_deadline > since, TaskRow.due_deadline <= now)
        ).all()
        return [Commitment(owner, _aware(deadline), _aware(done) if done and status == DONE else None)
                for owner, deadline, done, status in rows if deadline is not None]

    def slips(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
              owner_ids: Iterable[int]) -> dict[int, timedelta]:
        """Each owner's mean lateness over their commitments that came due in (since, now]: done late by how
        much, still open by how long, kept as zero. What their next date may slip by."""
        days = _days_between(self._session.get_bind().dialect.name)
        moment = literal(now, UTCDateTime())
        lateness = case((and_(TaskRow.status == DONE, TaskRow.completed_at > TaskRow.due_deadline),
                         days(TaskRow.completed_at, TaskRow.due_deadline)),
                        (and_(IS_OPEN, TaskRow.due_deadline < moment), days(moment, TaskRow.due_deadline)),
                        else_=0.0)
        slips: dict[int, timedelta] = {}
        for chunk in _chunks(sorted(set(owner_ids))):
            for owner, mean in self._session.execute(
                select(TaskRow.owner_id, func.avg(lateness)).where(
                    seen_by(workspace_id, viewer), TaskRow.owner_id.in_(chunk), COMMITTED,
                    TaskRow.status != CANCELLED, TaskRow.due_deadline > since, TaskRow.due_deadline <= now)
                .group_by(TaskRow.owner_id)
            ).all():
                slips[int(owner)] = timedelta(days=float(mean or 0))
        return slips

    def requests(self, workspace_id: int, viewer: Person | None, since: datetime,
                 owner_id: int | None = None, project_id: int | None = None) -> list[Request]:
        """Requests asked since `since`: first answer by their owner and how often the date was renegotiated."""
        tasks = self._session.execute(
            select(TaskRow.id, TaskRow.owner_id, TaskRow.created_at).where(
                seen_by(workspace_id, viewer), _scope(owner_id, project_id),
                TaskRow.requester_id != TaskRow.owner_id, TaskRow.created_at > since)
        ).all()
        answered: dict[int, datetime] = {}
        renegotiated: dict[int, int] = {}
        for ids in _chunks([task_id for task_id, _, _ in tasks]):
            for task_id, verb, at in self._session.execute(
                select(ActivityRow.task_id, ActivityRow.verb, ActivityRow.at)
                .where(ActivityRow.task_id.in_(ids)).order_by(ActivityRow.at, ActivityRow.id)
            ).all():
                if verb in RENEGOTIATIONS:
                    renegotiated[task_id] = renegotiated.get(task_id, 0) + 1
                if verb in ANSWERS and task_id not in answered:
                    answered[task_id] = _aware(at)
        return [Request(_aware(created), answered.get(task_id), renegotiated.get(task_id, 0))
                for task_id, _, created in tasks]

    def open_load(self, workspace_id: int, viewer: Person | None, owner_id: int | None = None,
                  project_id: int | None = None, start: datetime | None = None, end: datetime | None = None) -> int:
        """Open commitments (due between start and end when given)."""
        window = [TaskRow.due_deadline >= start] if start else []
        window += [TaskRow.due_deadline < end] if end else []
        return int(self._session.execute(select(func.count()).where(
            seen_by(workspace_id, viewer), _scope(owner_id, project_id), IS_OPEN, COMMITTED, *window)).scalar_one())

    def work_history(self, workspace_id: int, viewer: Person | None, project_id: int,
                     ) -> list[tuple[datetime, datetime | None]]:
        """(created_at, completed_at when done) of the project's non-cancelled tasks, for a burn-up."""
        rows = self._session.execute(select(TaskRow.created_at, TaskRow.completed_at, TaskRow.status).where(
            seen_by(workspace_id, viewer), TaskRow.project_id == project_id, TaskRow.status != CANCELLED)).all()
        return [(_aware(created), _aware(done) if done and status == DONE else None) for created, done, status in rows]

    def kept_by_owner(self, people: Iterable[Person], since: datetime, now: datetime) -> dict[int, tuple[int, int]]:
        """(kept on time, came due) per person over their own commitments due in (since, now], for digests."""
        counts: dict[int, tuple[int, int]] = {}
        ids = [person.id for person in people if person.id is not None]
        for chunk in _chunks(ids):
            kept = and_(TaskRow.status == DONE, TaskRow.completed_at <= TaskRow.due_deadline)
            for owner, n_kept, n_due in self._session.execute(
                select(TaskRow.owner_id, _count(kept), func.count()).where(
                    TaskRow.owner_id.in_(chunk), COMMITTED, TaskRow.status != CANCELLED,
                    TaskRow.due_deadline > since, TaskRow.due_deadline <= now).group_by(TaskRow.owner_id)
            ).all():
                counts[int(owner)] = (int(n_kept), int(n_due))
        return counts


def _days_between(dialect: str) -> Callable[[Any, Any], ColumnElement[Any]]:
    """Days from b to a as a number, in this database's date arithmetic."""
    if dialect == "postgresql":
        return lambda a, b: func.extract("epoch", a - b) / 86400.0
    return lambda a, b: func.julianday(a) - func.julianday(b)


def _figures(n: list[int], latest: dict[int, datetime]) -> WorkFigures:
    return WorkFigures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], latest)


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _aware(value: datetime | None) -> datetime:
    """Aware UTC whatever the driver hands back (aggregates may skip the column type)."""
    assert value is not None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
