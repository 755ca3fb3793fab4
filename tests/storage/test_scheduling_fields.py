"""The scheduler's fields on tasks, people and projects survive a round trip."""

from __future__ import annotations

from datetime import timedelta

from core.projects import Project
from core.tasks import RepeatMode
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_a_task_keeps_its_repeat_rotation_reminder_and_follow_up_fields(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert ana.id is not None and bo.id is not None
        task = add_task(
            uow, ana, bo, recurrence="every monday", repeat_mode=RepeatMode.ON_SCHEDULE, rotation=(bo.id, ana.id),
            next_reminder_at=NOW + timedelta(hours=1), reminder_stage="due soon",
            follow_up_at=NOW + timedelta(days=1), nudges=2, next_occurrence_at=NOW + timedelta(days=7),
        )
        plain = add_task(uow, ana)
        uow.commit()
    with uow_factory() as uow:
        assert task.id is not None and plain.id is not None
        assert uow.tasks.get_by_id(task.id) == task
        loaded = uow.tasks.get_by_id(plain.id)
        assert loaded is not None and loaded == plain
        assert (loaded.repeat_mode, loaded.rotation, loaded.nudges) == (RepeatMode.ON_DONE, (), 0)
        assert (loaded.next_reminder_at, loaded.reminder_stage, loaded.follow_up_at) == (None, None, None)


def test_saving_a_task_moves_its_schedule(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        task = add_task(uow, add_person(uow, add_workspace(uow), "Ana"), next_reminder_at=NOW)
        task.next_reminder_at, task.reminder_stage, task.nudges = NOW + timedelta(days=1), "overdue", 1
        uow.tasks.save(task)
        uow.commit()
    with uow_factory() as uow:
        assert task.id is not None
        assert uow.tasks.get_by_id(task.id) == task


def test_a_person_keeps_digest_days_and_digest_times(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana", digest_days=frozenset({0, 2, 4}), next_digest_at=NOW,
                         last_digest_at=NOW - timedelta(days=1))
        bo = add_person(uow, workspace, "Bo")
        cy = add_person(uow, workspace, "Cy", digest_days=frozenset())
        uow.commit()
    with uow_factory() as uow:
        assert ana.id is not None and bo.id is not None and cy.id is not None
        loaded = uow.people.many([ana.id, bo.id, cy.id])
        assert loaded == {ana.id: ana, bo.id: bo, cy.id: cy}
        assert loaded[bo.id].digest_days is None
        assert loaded[cy.id].digest_days == frozenset()
        assert loaded[ana.id].next_digest_at == NOW


def test_a_project_keeps_its_next_digest_time(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        project = uow.projects.add(Project(workspace_id=workspace.id, name="Launch", created_at=NOW,
                                           next_digest_at=NOW + timedelta(days=3)))
        uow.commit()
    with uow_factory() as uow:
        assert project.id is not None
        assert uow.projects.get(project.id) == project
        project.next_digest_at = None
        uow.projects.save(project)
        uow.commit()
    with uow_factory() as uow:
        loaded = uow.projects.get(project.id)
        assert loaded is not None and loaded.next_digest_at is None
