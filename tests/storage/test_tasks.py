"""Tasks survive a round trip with every kind of due date, and their numbers never collide."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from core.due import Due
from core.ports import TaskQuery
from core.tasks import Agreement, Origin, Priority, Status, Visibility
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_a_task_with_every_field_set_round_trips(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo, cy = (add_person(uow, workspace, name) for name in ("Ana", "Bo", "Cy"))
        assert cy.id is not None
        parent = add_task(uow, ana)
        task = add_task(
            uow,
            ana,
            bo,
            notes="numbers from finance",
            agreement=Agreement.PROPOSED,
            status=Status.IN_PROGRESS,
            priority=Priority.URGENT,
            due=Due.date_(date(2025, 3, 21), "Europe/Madrid"),
            proposed_due=Due.instant(datetime(2025, 3, 24, 15, 30, tzinfo=UTC), "America/New_York"),
            watchers={cy.id},
            labels=("finance", "q3"),
            parent_id=parent.id,
            origin=Origin(conversation="C42", message="1700000000.0001", link="https://x/y"),
            visibility=Visibility.PRIVATE,
            recurrence="weekly on mon",
            completed_at=NOW + timedelta(hours=1),
        )
        uow.commit()
    with uow_factory() as uow:
        assert task.id is not None
        assert uow.tasks.get_by_id(task.id) == task
        assert uow.tasks.get(task.workspace_id, task.number) == task


def test_an_exact_due_instant_comes_back_aware_in_utc(uow_factory: SqlUnitOfWorkFactory) -> None:
    due = Due.instant(datetime(2025, 3, 30, 0, 30, tzinfo=UTC), "Europe/London")
    with uow_factory() as uow:
        task = add_task(uow, add_person(uow, add_workspace(uow), "Ana"), due=due)
        uow.commit()
    with uow_factory() as uow:
        assert task.id is not None
        loaded = uow.tasks.get_by_id(task.id)
        assert loaded is not None and loaded.due == due
        assert loaded.due.at is not None and loaded.due.at.tzinfo is UTC
        assert loaded.proposed_due is None and loaded.origin is None


def test_saving_a_task_keeps_changes_and_replaces_its_watchers(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo, cy = (add_person(uow, workspace, name) for name in ("Ana", "Bo", "Cy"))
        assert bo.id is not None and cy.id is not None
        task = add_task(uow, ana, watchers={bo.id})
        task.watchers = {cy.id}
        task.status = Status.DONE
        task.due = Due.date_(date(2025, 4, 1), "UTC")
        task.labels = ()
        uow.tasks.save(task)
        uow.commit()
    with uow_factory() as uow:
        assert task.id is not None
        assert uow.tasks.get_by_id(task.id) == task


def test_missing_tasks_are_none(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        assert uow.tasks.get(workspace.id, 1) is None
        assert uow.tasks.get_by_id(12345) is None


def test_task_numbers_count_up_separately_in_each_workspace(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        first, second = add_workspace(uow, "T1"), add_workspace(uow, "T2")
        assert first.id is not None and second.id is not None
        numbers = [uow.tasks.next_number(first.id), uow.tasks.next_number(first.id)]
        numbers.append(uow.tasks.next_number(second.id))
        uow.commit()
    assert numbers == [1, 2, 1]


def test_a_number_taken_in_a_rolled_back_transaction_is_given_again(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        uow.commit()
    assert workspace.id is not None
    with uow_factory() as uow:
        assert uow.tasks.next_number(workspace.id) == 1
    with uow_factory() as uow:
        assert uow.tasks.next_number(workspace.id) == 1


def test_two_tasks_cannot_share_a_number_in_one_workspace(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        task = add_task(uow, add_person(uow, add_workspace(uow), "Ana"))
        task.id = None
        with pytest.raises(IntegrityError):
            uow.tasks.add(task)


def test_numbering_from_an_unknown_workspace_fails(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow, pytest.raises(LookupError):
        uow.tasks.next_number(424242)


def test_concurrent_transactions_never_get_the_same_number(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        uow.commit()
    assert workspace.id is not None
    workspace_id = workspace.id
    per_thread, threads = 15, 4
    start = threading.Barrier(threads)
    taken: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def take_numbers() -> None:
        try:
            start.wait()
            for _ in range(per_thread):
                with uow_factory() as uow:
                    number = uow.tasks.next_number(workspace_id)
                    uow.commit()
                with lock:
                    taken.append(number)
        except BaseException as error:
            errors.append(error)
            raise

    workers = [threading.Thread(target=take_numbers) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert sorted(taken) == list(range(1, per_thread * threads + 1))


def test_project_status_counts_states_overdue_unanswered_and_due_this_week(uow_factory: SqlUnitOfWorkFactory) -> None:
    from datetime import timedelta

    from core.due import Due
    from core.projects import Project
    from core.tasks import Agreement

    def due_in(days: int) -> Due:
        return Due.instant(NOW + timedelta(days=days), "UTC")

    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert workspace.id is not None
        project = uow.projects.add(Project(workspace_id=workspace.id, name="Launch", created_at=NOW))
        other = uow.projects.add(Project(workspace_id=workspace.id, name="Other", created_at=NOW))
        add_task(uow, ana, status=Status.OPEN, project_id=project.id, due=due_in(-1))
        add_task(uow, ana, bo, agreement=Agreement.REQUESTED, project_id=project.id, due=due_in(3))
        add_task(uow, ana, bo, agreement=Agreement.COMMITTED, project_id=project.id, due=due_in(3))
        add_task(uow, ana, status=Status.DONE, project_id=project.id, due=due_in(-2))
        add_task(uow, ana, status=Status.BLOCKED, project_id=project.id, due=due_in(30))
        add_task(uow, ana, project_id=other.id, due=due_in(-1))
        status = uow.tasks.project_status(TaskQuery(workspace.id, ana), project, NOW, NOW + timedelta(days=7))
        assert status.counts == {"open": 3, "done": 1, "blocked": 1}
        assert (status.total, status.overdue, status.unanswered, status.due_this_week) == (5, 1, 1, 1)
        assert status.percent_done == 20
