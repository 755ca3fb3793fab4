"""Tasks and their watchers in SQL."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from core.ports import TaskQuery
from core.tasks import Task
from storage.repositories.people_links import PeopleLinks
from storage.repositories.task_mapping import fill_row, to_task
from storage.repositories.task_query import task_select
from storage.rows import TaskRow, TaskWatcherRow, WorkspaceRow


class SqlTaskRepository:
    """Stores Task dataclasses as TaskRow plus TaskWatcherRow."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._links = PeopleLinks(session, TaskWatcherRow.task_id, TaskWatcherRow.person_id)

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
        row = self._session.get_one(TaskRow, task.id)
        fill_row(row, task)
        self._session.flush()
        self._links.replace(task.id, task.watchers)

    def query(self, query: TaskQuery) -> list[Task]:
        return self._with_watchers(self._session.scalars(task_select(query)).all())

    def count_by_status(self, project_id: int) -> dict[str, int]:
        counted = self._session.execute(
            select(TaskRow.status, func.count())
            .where(TaskRow.project_id == project_id)
            .group_by(TaskRow.status)
        )
        return {status: int(count) for status, count in counted}

    def project_tasks(self, project_id: int) -> list[Task]:
        rows = self._session.scalars(
            select(TaskRow).where(TaskRow.project_id == project_id).order_by(TaskRow.number)
        ).all()
        return self._with_watchers(rows)

    def _with_watchers(self, rows: Sequence[TaskRow]) -> list[Task]:
        watchers = self._links.load([row.id for row in rows])
        return [to_task(row, watchers[row.id]) for row in rows]
