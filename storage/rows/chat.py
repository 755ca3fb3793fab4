"""Rows for talking with Tandem: the task a person's DMs last named, where a platform user last used Tandem,
and each workspace's conversation settings."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class ChatFocusRow(Base):
    """The task a person's last DM was about: "snooze that" means it."""

    __tablename__ = "chat_focus"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChatPlaceRow(Base):
    """The workspace (a Discord server) a platform user last used Tandem in: where their DMs act."""

    __tablename__ = "chat_places"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_external_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChatSettingsRow(Base):
    __tablename__ = "chat_settings"

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True)
    thread_updates: Mapped[bool] = mapped_column(Boolean, default=True)
