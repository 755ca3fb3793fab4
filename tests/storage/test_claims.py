"""Task claims hand out exactly the open, due tasks, oldest first, and never the same task twice at once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from core.tasks import Status, Task
from storage.uow import SqlUnitOfWork, SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace

HOUR = timedelta(hours=1)
TASK_CLAIMS = [
    ("next_reminder_at", "claim_due_reminders"),
    ("follow_up_at", "claim_due_follow_ups"),
    ("next_occurrence_at", "claim_due_occurrences"),
]


def claim_tasks(uow: SqlUnitOfWork, method: str, limit: int = 10) -> list[Task]:
    claimed: list[Task] = getattr(uow.tasks, method)(NOW, limit)
    return claimed


def seed_tasks(uow_factory: SqlUnitOfWorkFactory, field: str) -> None:
    """Tasks with `field` at various times around NOW, in various states, across two workspaces."""
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow, "T1"), "Ana")
        bo = add_person(uow, add_workspace(uow, "T2"), "Bo")
        assert ana.id is not None
        specs = [("late", ana, -2 * HOUR, Status.OPEN), ("now", bo, timedelta(0), Status.BLOCKED),
                 ("later", ana, HOUR, Status.OPEN), ("never", bo, None, Status.OPEN),
                 ("done", ana, -3 * HOUR, Status.DONE), ("cancelled", bo, -3 * HOUR, Status.CANCELLED),
                 ("early", bo, -5 * HOUR, Status.IN_PROGRESS)]
        for title, person, offset, status in specs:
            schedule: dict[str, Any] = {field: None if offset is None else NOW + offset}
            add_task(uow, person, title=title, status=status, watchers={ana.id}, **schedule)
        uow.commit()


@pytest.mark.parametrize(("field", "method"), TASK_CLAIMS)
def test_a_task_claim_returns_the_open_due_tasks_oldest_first(
    uow_factory: SqlUnitOfWorkFactory, field: str, method: str
) -> None:
    seed_tasks(uow_factory, field)
    with uow_factory() as uow:
        claimed = claim_tasks(uow, method)
        assert [task.title for task in claimed] == ["early", "late", "now"]
        assert all(getattr(task, field) <= NOW and task.is_open for task in claimed)
        assert all(len(task.watchers) == 1 for task in claimed)
        assert [task.title for task in claim_tasks(uow, method, limit=2)] == ["early", "late"]


@pytest.mark.parametrize(("field", "method"), TASK_CLAIMS)
def test_a_claimed_task_moved_forward_is_not_claimed_again(
    uow_factory: SqlUnitOfWorkFactory, field: str, method: str
) -> None:
    seed_tasks(uow_factory, field)
    with uow_factory() as uow:
        first = claim_tasks(uow, method, limit=1)[0]
        setattr(first, field, NOW + HOUR)
        uow.tasks.save(first)
        uow.commit()
    with uow_factory() as uow:
        assert [task.title for task in claim_tasks(uow, method)] == ["late", "now"]


@pytest.mark.postgres
@pytest.mark.parametrize(("field", "method"), TASK_CLAIMS)
def test_concurrent_task_claims_on_postgres_get_disjoint_rows(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, field: str, method: str
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite has a single writer")
    seed_tasks(uow_factory, field)
    with uow_factory() as first, uow_factory() as second:
        mine = claim_tasks(first, method, limit=2)
        theirs = claim_tasks(second, method, limit=2)
        first.commit()
        second.commit()
    assert [task.title for task in mine] == ["early", "late"]
    assert [task.title for task in theirs] == ["now"]
