"""What chat remembers in SQL: DM focus, where a platform user last used Tandem, workspace chat settings."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.chat import ChatSettings
from storage.repositories.insert_once import insert_once
from storage.rows import ChatFocusRow, ChatPlaceRow, ChatSettingsRow, IdentityRow


class SqlChatRepository:
    """Small upserts keyed by person, platform user or workspace; the last writer wins."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def focus(self, person_id: int) -> int | None:
        """The id of the task the person's DMs last named."""
        return self._session.scalar(select(ChatFocusRow.task_id).where(ChatFocusRow.person_id == person_id))

    def set_focus(self, person_id: int, task_id: int, at: datetime) -> None:
        self._upsert(ChatFocusRow, {"person_id": person_id}, {"task_id": task_id, "at": at})

    def place(self, platform: str, user: str) -> int | None:
        """The workspace `user` of `platform` last used Tandem in."""
        return self._session.scalar(select(ChatPlaceRow.workspace_id).where(
            ChatPlaceRow.platform == platform, ChatPlaceRow.user_external_id == user))

    def set_place(self, platform: str, user: str, workspace_id: int, at: datetime) -> None:
        self._upsert(ChatPlaceRow, {"platform": platform, "user_external_id": user},
                     {"workspace_id": workspace_id, "at": at})

    def workspaces_of(self, platform: str, user: str) -> list[int]:
        """Every workspace that knows `user` of `platform`, oldest acquaintance first."""
        return list(self._session.scalars(select(IdentityRow.workspace_id).where(
            IdentityRow.platform == platform, IdentityRow.external_id == user).order_by(IdentityRow.id)))

    def settings(self, workspace_id: int) -> ChatSettings | None:
        row = self._session.get(ChatSettingsRow, workspace_id)
        return ChatSettings(workspace_id, row.thread_updates) if row else None

    def save_settings(self, settings: ChatSettings) -> None:
        self._upsert(ChatSettingsRow, {"workspace_id": settings.workspace_id},
                     {"thread_updates": settings.thread_updates})

    def _upsert(self, table: Any, key: dict[str, Any], values: dict[str, Any]) -> None:
        self._session.execute(insert_once(self._session, table, {**key, **values}, list(key)))
        self._session.execute(update(table).where(*(getattr(table, k) == v for k, v in key.items())).values(values))
        self._session.flush()
