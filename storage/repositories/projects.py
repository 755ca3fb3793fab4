"""Projects and their members in SQL."""
from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.projects import Project
from storage.repositories.claims import claim
from storage.repositories.keys import name_key
from storage.repositories.people_links import PeopleLinks
from storage.rows import ProjectMemberRow, ProjectRow


class SqlProjectRepository:
    """Stores Project dataclasses as ProjectRow plus ProjectMemberRow."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._links = PeopleLinks(session, ProjectMemberRow.project_id, ProjectMemberRow.person_id)

    def add(self, project: Project) -> Project:
        row = ProjectRow()
        _fill(row, project)
        self._session.add(row)
        self._session.flush()
        project.id = row.id
        self._links.replace(row.id, project.members)
        return project

    def get(self, project_id: int) -> Project | None:
        row = self._session.get(ProjectRow, project_id)
        return self._with_members([row])[0] if row else None

    def by_name(self, workspace_id: int, name: str) -> Project | None:
        """The project called `name` (case-insensitive, with or without a leading '#')."""
        row = self._session.scalars(
            select(ProjectRow).where(
                ProjectRow.workspace_id == workspace_id, ProjectRow.name_key == name_key(name, "#")
            )
        ).one_or_none()
        return self._with_members([row])[0] if row else None

    def claim_due_digests(self, now: datetime, limit: int) -> builtins.list[Project]:
        """Projects whose next digest is due, soonest first (locked on PostgreSQL)."""
        due = select(ProjectRow).where(ProjectRow.next_digest_at <= now)
        return self._with_members(claim(self._session, due.order_by(ProjectRow.next_digest_at, ProjectRow.id), limit))

    def list(self, workspace_id: int) -> list[Project]:
        rows = self._session.scalars(
            select(ProjectRow).where(ProjectRow.workspace_id == workspace_id).order_by(ProjectRow.name_key)
        ).all()
        return self._with_members(rows)

    def save(self, project: Project) -> None:
        if project.id is None:
            raise ValueError("cannot save a project that was never added")
        row = self._session.get_one(ProjectRow, project.id)
        _fill(row, project)
        self._session.flush()
        self._links.replace(project.id, project.members)

    def _with_members(self, rows: Sequence[ProjectRow]) -> builtins.list[Project]:
        members = self._links.load([row.id for row in rows])
        return [_to_project(row, members[row.id]) for row in rows]


def _fill(row: ProjectRow, project: Project) -> None:
    row.workspace_id = project.workspace_id
    row.name = project.name
    row.name_key = name_key(project.name, "#")
    row.owner_id = project.owner_id
    row.goal_id = project.goal_id
    row.channel = project.channel
    row.created_at = project.created_at
    row.next_digest_at = project.next_digest_at
    row.private = project.private


def _to_project(row: ProjectRow, members: set[int]) -> Project:
    return Project(
        workspace_id=row.workspace_id,
        name=row.name,
        created_at=row.created_at,
        owner_id=row.owner_id,
        goal_id=row.goal_id,
        channel=row.channel,
        members=members,
        next_digest_at=row.next_digest_at,
        private=row.private,
        id=row.id,
    )
