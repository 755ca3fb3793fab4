"""Workspaces in SQL."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.people import Workspace
from storage.repositories.insert_once import insert_once
from storage.repositories.person_mapping import days_of, days_text
from storage.rows import WorkspaceRow


class SqlWorkspaceRepository:
    """Stores Workspace dataclasses as WorkspaceRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, workspace: Workspace) -> Workspace:
        row = WorkspaceRow(last_task_number=0)
        _fill(row, workspace)
        self._session.add(row)
        self._session.flush()
        workspace.id = row.id
        return workspace

    def add_or_get(self, workspace: Workspace) -> Workspace:
        row = WorkspaceRow(last_task_number=0)
        _fill(row, workspace)
        values = {c.key: getattr(row, c.key) for c in WorkspaceRow.__table__.columns if c.key != "id"}
        self._session.execute(insert_once(self._session, WorkspaceRow, values, ["platform", "external_id"]))
        found = self.by_external(workspace.platform, workspace.external_id)
        assert found is not None, "a workspace just inserted (or found conflicting) must be readable"
        return found

    def get(self, workspace_id: int) -> Workspace | None:
        row = self._session.get(WorkspaceRow, workspace_id)
        return _to_workspace(row) if row else None

    def by_external(self, platform: str, external_id: str) -> Workspace | None:
        row = self._session.scalars(
            select(WorkspaceRow).where(
                WorkspaceRow.platform == platform, WorkspaceRow.external_id == external_id
            )
        ).one_or_none()
        return _to_workspace(row) if row else None

    def save(self, workspace: Workspace) -> None:
        if workspace.id is None:
            raise ValueError("cannot save a workspace that was never added")
        row = self._session.get_one(WorkspaceRow, workspace.id)
        _fill(row, workspace)
        self._session.flush()


def _fill(row: WorkspaceRow, workspace: Workspace) -> None:
    row.platform = workspace.platform
    row.external_id = workspace.external_id
    row.name = workspace.name
    row.default_tz = workspace.default_tz
    row.holiday_country = workspace.holiday_country
    row.default_days = None if workspace.working_days is None else days_text(workspace.working_days)
    row.default_work_start = workspace.work_start
    row.default_work_end = workspace.work_end
    row.default_digest_time = workspace.digest_time
    row.default_lang = workspace.lang


def _to_workspace(row: WorkspaceRow) -> Workspace:
    return Workspace(
        platform=row.platform,
        external_id=row.external_id,
        name=row.name,
        default_tz=row.default_tz,
        holiday_country=row.holiday_country,
        working_days=None if row.default_days is None else days_of(row.default_days),
        work_start=row.default_work_start,
        work_end=row.default_work_end,
        digest_time=row.default_digest_time,
        lang=row.default_lang,
        id=row.id,
    )
