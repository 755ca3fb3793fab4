"""What every report query shares: the visibility filter, counting, and the task states reports speak of."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, not_, or_, true
from sqlalchemy.orm import InstrumentedAttribute, aliased

from core.people import Person
from core.ports import TaskQuery
from core.tasks import Agreement, Status, Visibility
from storage.repositories.task_query import visible_to
from storage.rows import ProjectRow, TaskRow

CHUNK = 900
DONE, CANCELLED = Status.DONE.value, Status.CANCELLED.value
IS_OPEN = TaskRow.status.not_in((DONE, CANCELLED))
COMMITTED = and_(TaskRow.agreement == Agreement.COMMITTED.value, TaskRow.due_deadline.is_not(None))
UNANSWERED = and_(TaskRow.requester_id != TaskRow.owner_id, TaskRow.agreement != Agreement.COMMITTED.value)


def count_of(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def seen_by(workspace_id: int, viewer: Person | None,
            project_private: ColumnElement[bool] | InstrumentedAttribute[bool] | None = None,
            by_project: bool = False) -> ColumnElement[bool]:
    """The shared visibility filter for `viewer`; with no viewer (a channel digest) only what every workspace
    member may see: tasks visible to the workspace, in no project or a public one.

    `project_private` is the joined project's `private` column when the query already joins the task's project
    (inner join: only tasks in a project); it lets the common case skip the per-row subqueries. `by_project`
    (for SQLite) keeps the planner on the project index."""
    public = for_everyone(project_private)
    # In a query over projects, the project index is the way in; `+ 0` keeps SQLite (which has no statistics
    # unless someone runs ANALYZE) from walking a (workspace, person, …) index over the whole workspace instead.
    # Not on PostgreSQL: it has statistics, and an expression there only spoils its row estimates.
    in_workspace = (TaskRow.workspace_id + 0 if by_project else TaskRow.workspace_id) == workspace_id
    if viewer is None:
        return and_(in_workspace, public)
    visible = visible_to(TaskQuery(workspace_id, viewer))
    if viewer.id is None or viewer.workspace_id != workspace_id or viewer.is_limited:
        return and_(in_workspace, visible)
    # What every member sees, every member sees: tested first, so most rows never reach visible_to's subqueries.
    return and_(in_workspace, or_(public, visible))


def for_everyone(project_private: ColumnElement[bool] | InstrumentedAttribute[bool] | None = None,
                 ) -> ColumnElement[bool]:
    """Tasks every workspace member (not a guest) may see: visible to the workspace, in no project or a public one."""
    private: ColumnElement[bool] | InstrumentedAttribute[bool]
    if project_private is None:
        project = aliased(ProjectRow)  # an alias, so queries that join projects don't correlate it away
        private = exists().where(project.id == TaskRow.project_id, project.private)
    else:
        private = project_private
    return and_(TaskRow.visibility == Visibility.WORKSPACE.value, not_(private))


def scope(owner_id: int | None, project_id: int | None) -> ColumnElement[bool]:
    """One owner's tasks, one project's, or all."""
    conditions = [TaskRow.owner_id == owner_id] if owner_id is not None else []
    if project_id is not None:
        conditions.append(TaskRow.project_id == project_id)
    return and_(true(), *conditions)


def chunks(ids: list[int], size: int = CHUNK) -> Iterable[list[int]]:
    for start in range(0, len(ids), max(1, size)):
        yield ids[start:start + max(1, size)]


def aware(value: datetime | None) -> datetime:
    """Aware UTC whatever the driver hands back (aggregates may skip the column type)."""
    assert value is not None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def days_between(dialect: str) -> Callable[[Any, Any], ColumnElement[Any]]:
    """Days from b to a as a number, in this database's date arithmetic."""
    if dialect == "postgresql":
        return lambda a, b: func.extract("epoch", a - b) / 86400.0
    return lambda a, b: func.julianday(a) - func.julianday(b)
