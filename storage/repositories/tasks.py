"""Tasks and their watchers in SQL."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from core.people import Person
from core.ports import DigestMaterial, TaskQuery
from core.projects import Project, ProjectStatus
from core.tasks import Agreement, Status, Task
from core.work import WorkPage, WorkQuery
from storage.repositories.claims import OPEN_STATUSES, claim
from storage.repositories.people_links import PeopleLinks
from storage.repositories.task_digest import digest_material
from storage.repositories.task_mapping import fill_row, to_task, update_row
from storage.repositories.task_query import task_select, visible_to
from storage.repositories.work_page import (
    Conditions,
    page_of,
    project_names,
    totals_of,
    work_rows,
    work_totals,
)
from storage.rows import TaskRow, TaskWatcherRow, WorkspaceRow

CLOSED = (Status.DONE.value, Status.CANCELLED.value)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class SqlTaskRepository:
    """Stores Task dataclasses as TaskRow plus TaskWatcherRow."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._links = PeopleLinks(session, TaskWatcherRow.task_id, TaskWatcherRow.person_id)
        # Rows and watcher sets loaded in this unit of work, by task id: the session's identity map holds rows
        # only weakly, so without these save() would read each row (and its watchers) again.
        self._rows: dict[int, TaskRow] = {}
        self._watchers: dict[int, set[int]] = {}

    def forget(self) -> None:
        """Drop what this unit of work remembers of loaded tasks (after a rollback it may be stale)."""
        self._rows.clear()
        self._watchers.clear()

    def next_number(self, workspace_id: int) -> int:
        """The next task number of the workspace, reserved atomically in this transaction."""
        number = self._session.execute(
            update(WorkspaceRow)
            .where(WorkspaceRow.id == workspace_id)
            .values(last_task_number=WorkspaceRow.last_task_number + 1)
            .returning(WorkspaceRow.last_task_number),
            execution_options={"synchronize_session": False},
        ).scalar_one_or_none()
        if number is None:
            raise LookupError(f"no workspace with id {workspace_id}")
        return number

    def add(self, task: Task) -> Task:
        row = TaskRow()
        fill_row(row, task)
        self._session.add(row)
        self._session.flush()
        task.id = row.id
        self._links.replace(row.id, task.watchers)
        self._rows[row.id], self._watchers[row.id] = row, set(task.watchers)
        return task

    def get(self, workspace_id: int, number: int) -> Task | None:
        row = self._session.scalars(
            select(TaskRow).where(TaskRow.workspace_id == workspace_id, TaskRow.number == number)
        ).one_or_none()
        return self._with_watchers([row])[0] if row else None

    def get_by_id(self, task_id: int) -> Task | None:
        row = self._session.get(TaskRow, task_id)
        return self._with_watchers([row])[0] if row else None

    def save(self, task: Task) -> None:
        if task.id is None:
            raise ValueError("cannot save a task that was never added")
        row = self._rows.get(task.id)
        if row is None or row not in self._session:
            row = self._rows[task.id] = self._session.get_one(TaskRow, task.id)
        update_row(row, task)  # flushed with the next query or the commit, in batches
        if self._watchers.get(task.id) != task.watchers:
            self._links.replace(task.id, task.watchers)
            self._watchers[task.id] = set(task.watchers)

    def query(self, query: TaskQuery) -> list[Task]:
        return self._with_watchers(self._session.scalars(task_select(query)).all())

    def work_page(self, query: WorkQuery) -> WorkPage:
        sql = Conditions.of(query)
        rows, more = work_rows(self._session, query, sql)
        tasks = self._with_watchers([row for row, _ in rows])
        projects = project_names(self._session, {t.project_id for t in tasks if t.project_id is not None})
        keys = [key for _, key in rows]
        # a first page that holds the whole list is its own total: no second query
        totals = totals_of(tasks, keys, query) if query.after is None and not more else \
            work_totals(self._session, query, sql)
        return page_of(tasks, keys, query, more, totals, projects)

    def project_status(self, scope: TaskQuery, project: Project, now: datetime, week_end: datetime) -> ProjectStatus:
        """Counts by state plus overdue, unanswered and due-this-week over what `scope` lets through, in one
        aggregate query."""
        is_open = TaskRow.status.not_in(CLOSED)
        rows = self._session.execute(
            select(
                TaskRow.status,
                func.count(),
                _count(and_(is_open, TaskRow.due_deadline <= now)),
                _count(and_(is_open, TaskRow.agreement == Agreement.REQUESTED.value,
                            TaskRow.requester_id != TaskRow.owner_id)),
                _count(and_(is_open, TaskRow.agreement == Agreement.COMMITTED.value,
                            TaskRow.due_deadline > now, TaskRow.due_deadline <= week_end)),
            )
            .where(TaskRow.project_id == project.id, TaskRow.workspace_id == scope.workspace_id, visible_to(scope))
            .group_by(TaskRow.status)
        ).all()
        counts = {status: int(n) for status, n, *_ in rows}
        overdue, unanswered, due_soon = (sum(int(row[i]) for row in rows) for i in (2, 3, 4))
        return ProjectStatus(project, counts, overdue, unanswered, due_soon, sum(counts.values()))

    def claim_due_reminders(self, now: datetime, limit: int) -> list[Task]:
        return self._claim(TaskRow.next_reminder_at, now, limit)

    def claim_due_follow_ups(self, now: datetime, limit: int) -> list[Task]:
        return self._claim(TaskRow.follow_up_at, now, limit)

    def claim_due_occurrences(self, now: datetime, limit: int) -> list[Task]:
        return self._claim(TaskRow.next_occurrence_at, now, limit)

    def digest_material(self, people: Sequence[Person], now: datetime) -> dict[int, DigestMaterial]:
        return digest_material(self._session, people, now)

    def _claim(self, when: InstrumentedAttribute[datetime | None], now: datetime, limit: int) -> list[Task]:
        """Open tasks whose `when` has come, oldest first; locked FOR UPDATE SKIP LOCKED on PostgreSQL."""
        due = select(TaskRow).where(when <= now, TaskRow.status.in_(OPEN_STATUSES)).order_by(when, TaskRow.id)
        return self._with_watchers(claim(self._session, due, limit))

    def _with_watchers(self, rows: Sequence[TaskRow]) -> list[Task]:
        watchers = self._links.load([row.id for row in rows])
        for row in rows:
            self._rows[row.id], self._watchers[row.id] = row, set(watchers[row.id])
        return [to_task(row, watchers[row.id]) for row in rows]
