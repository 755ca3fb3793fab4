"""Rows for tasks and their watchers."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class TaskRow(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index(None, "workspace_id", "owner_id", "status"),
        Index(None, "workspace_id", "requester_id", "status"),
        Index(None, "workspace_id", "origin_conversation"),
        Index(None, "workspace_id", "due_deadline"),
        Index(None, "workspace_id", "owner_id", "due_deadline"),
        Index(None, "workspace_id", "requester_id", "due_deadline"),
        Index(None, "project_id", "status"),
        Index(None, "workspace_id", "recurrence"),  # recurring duties someone rotates in (my work)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    agreement: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16))
    due_on: Mapped[date | None] = mapped_column(Date)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_tz: Mapped[str | None] = mapped_column(String(64))
    # The instant the task becomes overdue, so due filters and ordering are exact in SQL.
    due_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposed_on: Mapped[date | None] = mapped_column(Date)
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    proposed_tz: Mapped[str | None] = mapped_column(String(64))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"))
    labels: Mapped[list[str]] = mapped_column(JSON)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id"), index=True)
    origin_conversation: Mapped[str | None] = mapped_column(String(255))
    origin_message: Mapped[str | None] = mapped_column(String(255))
    origin_link: Mapped[str | None] = mapped_column(Text)
    origin_kind: Mapped[str | None] = mapped_column(String(32))
    visibility: Mapped[str] = mapped_column(String(16))
    recurrence: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    repeat_mode: Mapped[str] = mapped_column(String(16), server_default="on done")
    rotation: Mapped[list[int]] = mapped_column(JSON, server_default="[]")
    # When the scheduler next has something to do for the task; the claims scan these across workspaces.
    next_reminder_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    reminder_stage: Mapped[str | None] = mapped_column(String(16))
    follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    nudges: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_occurrence_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    effort_minutes: Mapped[int | None] = mapped_column(Integer)


class TaskWatcherRow(Base):
    __tablename__ = "task_watchers"

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
