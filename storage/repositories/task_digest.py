"""Digest material for many people at once: three queries per batch of people, whatever its size."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from core.people import Person
from core.ports import DigestMaterial
from core.tasks import Status, Task
from storage.repositories.claims import OPEN_STATUSES
from storage.repositories.task_rows import TASK_COLUMNS, to_task_fast
from storage.rows import TaskRow

# Bound values per statement, people and workspace ids together: under SQLite's old limit of 999.
CHUNK = 900
# PostgreSQL (with statistics) switches from the (workspace, person, …) indexes to a parallel scan of every task
# between 300 and 450 people per query at 200,000 tasks: 5x the time and all cores. Smaller chunks stay on the index.
POSTGRES_CHUNK = 200
FIRST_LOOKBACK = timedelta(days=1)  # "done for you" before anyone's first digest
# Soonest deadline first, undated last. Sorting on an expression rather than on due_deadline itself keeps
# SQLite from walking the whole (workspace_id, due_deadline) index to avoid a sort of a few rows.
DEADLINE_ORDER: tuple[Any, ...] = (
    TaskRow.due_deadline.is_(None), TaskRow.due_deadline, TaskRow.number, TaskRow.id
)
COMPLETION_ORDER: tuple[Any, ...] = (TaskRow.completed_at, TaskRow.id)


def digest_material(session: Session, people: Sequence[Person], now: datetime) -> dict[int, DigestMaterial]:
    """Each person's open tasks, open requests of others, and requests done since their last digest.

    Watchers are not loaded (digests do not show them). `done_for_them` is fetched from the earliest
    boundary of the batch, then kept per person only when completed after that person's own boundary.
    Open tasks come soonest deadline first (undated last), done ones in the order they were completed.
    """
    everyone = {person.id: person for person in people if person.id is not None}
    material = {person_id: DigestMaterial([], [], []) for person_id in everyone}
    if not everyone:
        return material
    since = {person_id: person.last_digest_at or now - FIRST_LOOKBACK for person_id, person in everyone.items()}
    is_open = TaskRow.status.in_(OPEN_STATUSES)
    asked = TaskRow.owner_id != TaskRow.requester_id
    for task in _tasks(session, everyone.values(), TaskRow.owner_id, is_open):
        material[task.owner_id].owned.append(task)
    for task in _tasks(session, everyone.values(), TaskRow.requester_id, is_open, asked):
        material[task.requester_id].requested.append(task)
    done = (TaskRow.status == Status.DONE.value, asked, TaskRow.completed_at > min(since.values()))
    for task in _tasks(session, everyone.values(), TaskRow.requester_id, *done, order=COMPLETION_ORDER):
        if task.completed_at is not None and task.completed_at > since[task.requester_id]:
            material[task.requester_id].done_for_them.append(task)
    return material


def _tasks(session: Session, people: Iterable[Person], person_column: Any, *conditions: ColumnElement[bool],
           order: tuple[Any, ...] = DEADLINE_ORDER) -> Iterator[Task]:
    """Tasks (without watchers) where `person_column` is one of `people`, one query per chunk of people.

    The workspace ids go along so the (workspace_id, person, status) indexes serve the lookup.
    """
    size = min(CHUNK, POSTGRES_CHUNK) if session.get_bind().dialect.name == "postgresql" else CHUNK
    for ids, workspaces in _chunks(people, size):
        statement = (
            select(*TASK_COLUMNS)
            .where(TaskRow.workspace_id.in_(workspaces), person_column.in_(ids), *conditions)
            .order_by(*order)
        )
        # On the connection, not the session: a Core select needs none of the ORM's result handling.
        for values in session.connection().execute(statement).all():
            yield to_task_fast(values)


def _chunks(people: Iterable[Person], size: int = CHUNK) -> Iterator[tuple[list[int], list[int]]]:
    """People ids with the ids of their workspaces, at most `size` values in all per chunk."""
    ids: list[int] = []
    workspaces: set[int] = set()
    for person in sorted(people, key=lambda p: (p.workspace_id, p.id or 0)):
        if person.id is None:
            continue
        if len(ids) + len(workspaces) + 2 > size:
            yield ids, sorted(workspaces)
            ids, workspaces = [], set()
        ids.append(person.id)
        workspaces.add(person.workspace_id)
    if ids:
        yield ids, sorted(workspaces)

