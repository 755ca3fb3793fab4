"""Digest claims hand out the people and projects whose digest is due, and a project's open tasks."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from core.due import Due
from core.ports import TaskQuery
from core.projects import Project
from core.tasks import Status
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace

HOUR = timedelta(hours=1)


def test_people_with_a_due_digest_are_claimed_soonest_first(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        add_person(uow, workspace, "Later", next_digest_at=NOW + HOUR)
        add_person(uow, workspace, "Due", next_digest_at=NOW, identities={"slack": "U1"})
        add_person(uow, workspace, "Off", next_digest_at=NOW - HOUR, digest_enabled=False)
        add_person(uow, workspace, "New")
        add_person(uow, workspace, "Overdue", next_digest_at=NOW - HOUR)
        uow.commit()
    with uow_factory() as uow:
        claimed = uow.people.claim_due_digests(NOW, 10)
        assert [person.display_name for person in claimed] == ["Overdue", "Due"]
        assert claimed[1].identities == {"slack": "U1"}
        assert [person.display_name for person in uow.people.claim_due_digests(NOW, 1)] == ["Overdue"]
        assert [person.display_name for person in uow.people.without_digest_schedule(10)] == ["New"]


def test_people_without_a_digest_schedule_respect_the_limit(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        for name in ("A", "B", "C"):
            add_person(uow, workspace, name)
        uow.commit()
    with uow_factory() as uow:
        first = uow.people.without_digest_schedule(2)
        assert [person.display_name for person in first] == ["A", "B"]
        for person in first:
            person.next_digest_at = NOW
            uow.people.save(person)
        assert [person.display_name for person in uow.people.without_digest_schedule(2)] == ["C"]


def test_projects_with_a_due_digest_are_claimed_soonest_first(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        assert workspace.id is not None and ana.id is not None
        for name, when in (("later", NOW + HOUR), ("due", NOW), ("none", None), ("overdue", NOW - HOUR)):
            uow.projects.add(Project(workspace_id=workspace.id, name=name, created_at=NOW, members={ana.id},
                                     next_digest_at=when))
        uow.commit()
    with uow_factory() as uow:
        claimed = uow.projects.claim_due_digests(NOW, 10)
        assert [project.name for project in claimed] == ["overdue", "due"]
        assert claimed[0].members == {ana.id}
        assert [project.name for project in uow.projects.claim_due_digests(NOW, 1)] == ["overdue"]


def test_a_projects_open_tasks_come_soonest_deadline_first(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        assert workspace.id is not None
        launch = uow.projects.add(Project(workspace_id=workspace.id, name="Launch", created_at=NOW))
        other = uow.projects.add(Project(workspace_id=workspace.id, name="Other", created_at=NOW))
        for title, hours, status, project in (("undated", None, Status.OPEN, launch), ("soon", 1, Status.OPEN, launch),
                                              ("sooner", -1, Status.BLOCKED, launch),
                                              ("closed", 0, Status.DONE, launch), ("elsewhere", 0, Status.OPEN, other),
                                              ("undated too", None, Status.OPEN, launch)):
            due = None if hours is None else Due.instant(NOW + hours * HOUR, "UTC")
            add_task(uow, ana, title=title, due=due, status=status, project_id=project.id)
        uow.commit()
    with uow_factory() as uow:
        assert launch.id is not None
        scope = TaskQuery(launch.workspace_id, ana, project_id=launch.id, limit=10)
        tasks = uow.tasks.query(scope)
        assert [task.title for task in tasks] == ["sooner", "soon", "undated", "undated too"]
        assert [task.title for task in uow.tasks.query(replace(scope, limit=2))] == ["sooner", "soon"]


@pytest.mark.postgres
def test_concurrent_digest_claims_on_postgres_get_disjoint_rows(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite has a single writer")
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        for index in range(3):
            add_person(uow, workspace, f"P{index}", next_digest_at=NOW - index * HOUR)
            add_person(uow, workspace, f"New{index}")
            uow.projects.add(Project(workspace_id=workspace.id, name=f"p{index}", created_at=NOW,
                                     next_digest_at=NOW - index * HOUR))
        uow.commit()
    with uow_factory() as first, uow_factory() as second:
        people = ([p.display_name for p in first.people.claim_due_digests(NOW, 2)],
                  [p.display_name for p in second.people.claim_due_digests(NOW, 2)])
        new = ([p.display_name for p in first.people.without_digest_schedule(2)],
               [p.display_name for p in second.people.without_digest_schedule(2)])
        projects = ([p.name for p in first.projects.claim_due_digests(NOW, 2)],
                    [p.name for p in second.projects.claim_due_digests(NOW, 2)])
    assert people == (["P2", "P1"], ["P0"])
    assert new == (["New0", "New1"], ["New2"])
    assert projects == (["p2", "p1"], ["p0"])
