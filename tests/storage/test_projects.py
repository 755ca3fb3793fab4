"""Projects, goals, comments and the activity log survive a round trip."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from core.activity import Activity, Comment
from core.projects import Goal, Project
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_a_project_with_members_round_trips_and_is_found_by_name(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert workspace.id is not None and ana.id is not None and bo.id is not None
        goal = uow.goals.add(Goal(workspace_id=workspace.id, name="Grow", created_at=NOW, owner_id=ana.id))
        project = uow.projects.add(
            Project(
                workspace_id=workspace.id,
                name="Launch",
                created_at=NOW,
                owner_id=ana.id,
                goal_id=goal.id,
                channel="C9",
                members={ana.id, bo.id},
            )
        )
        uow.commit()
    with uow_factory() as uow:
        assert project.id is not None
        assert uow.projects.get(project.id) == project
        assert uow.projects.by_name(workspace.id, "#LAUNCH") == project
        assert uow.projects.by_name(workspace.id, "launch") == project
        assert uow.projects.by_name(workspace.id, "other") is None
        assert uow.projects.list(workspace.id) == [project]


def test_saving_a_project_replaces_its_members(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert workspace.id is not None and ana.id is not None and bo.id is not None
        project = uow.projects.add(Project(workspace_id=workspace.id, name="Launch", created_at=NOW, members={ana.id}))
        project.members = {bo.id}
        project.name = "Launch 2"
        uow.projects.save(project)
        uow.commit()
    with uow_factory() as uow:
        assert project.id is not None
        assert uow.projects.get(project.id) == project


def test_project_names_are_unique_per_workspace_ignoring_case(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        first, second = add_workspace(uow, "T1"), add_workspace(uow, "T2")
        assert first.id is not None and second.id is not None
        uow.projects.add(Project(workspace_id=first.id, name="Launch", created_at=NOW))
        uow.projects.add(Project(workspace_id=second.id, name="launch", created_at=NOW))
        with pytest.raises(IntegrityError):
            uow.projects.add(Project(workspace_id=first.id, name="LAUNCH", created_at=NOW))


def test_goals_round_trip_and_are_listed_by_name(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        zeta = uow.goals.add(Goal(workspace_id=workspace.id, name="Zeta", created_at=NOW))
        alpha = uow.goals.add(Goal(workspace_id=workspace.id, name="alpha", created_at=NOW))
        uow.commit()
    with uow_factory() as uow:
        assert zeta.id is not None
        assert uow.goals.get(zeta.id) == zeta
        assert uow.goals.by_name(workspace.id, "ZETA") == zeta
        assert uow.goals.by_name(workspace.id, "nope") is None
        assert uow.goals.list(workspace.id) == [alpha, zeta]


def test_comments_and_activity_come_back_in_time_order(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        task = add_task(uow, ana)
        assert task.id is not None and ana.id is not None
        later = uow.comments.add(Comment(task_id=task.id, author_id=ana.id, text="done?", at=NOW + timedelta(1)))
        first = uow.comments.add(Comment(task_id=task.id, author_id=ana.id, text="started", at=NOW))
        proposed = uow.activity.add(Activity(task.id, ana.id, "proposed", "Fri", NOW))
        system = uow.activity.add(Activity(task.id, None, "reminded", "", NOW + timedelta(1)))
        uow.commit()
    with uow_factory() as uow:
        assert later.id is not None and first.id is not None
        assert uow.comments.for_task(task.id) == [first, later]
        assert uow.activity.for_task(task.id) == [proposed, system]
        assert uow.comments.for_task(999) == []
