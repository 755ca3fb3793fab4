"""Small builders for storage tests: a workspace, people and tasks with sensible defaults."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from core.people import Person, Role, Workspace
from core.tasks import Task
from storage.uow import SqlUnitOfWork

NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def add_workspace(uow: SqlUnitOfWork, external_id: str = "T1", platform: str = "slack") -> Workspace:
    return uow.workspaces.add(Workspace(platform=platform, external_id=external_id, name=f"Team {external_id}"))


def add_person(uow: SqlUnitOfWork, workspace: Workspace, name: str, **fields: Any) -> Person:
    assert workspace.id is not None
    handle = fields.pop("handle", name.lower())
    role = fields.pop("role", Role.MEMBER)
    return uow.people.add(Person(workspace_id=workspace.id, display_name=name, handle=handle, role=role, **fields))


def add_task(uow: SqlUnitOfWork, requester: Person, owner: Person | None = None, **fields: Any) -> Task:
    assert requester.id is not None
    owner = owner or requester
    assert owner.id is not None
    workspace_id = requester.workspace_id
    task = Task(
        workspace_id=workspace_id,
        number=uow.tasks.next_number(workspace_id),
        title=fields.pop("title", "Send the Q3 report"),
        requester_id=requester.id,
        owner_id=owner.id,
        created_at=fields.pop("created_at", NOW),
        updated_at=fields.pop("updated_at", NOW),
        **fields,
    )
    return uow.tasks.add(task)
