"""Rows for groups, their members and the open requests asked of them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class GroupRow(Base):
    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("workspace_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    external_id: Mapped[str] = mapped_column(String(255))
    handle: Mapped[str] = mapped_column(String(80), index=True)
    intake: Mapped[str] = mapped_column(String(16))


class GroupMemberRow(Base):
    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    user: Mapped[str] = mapped_column(String(255), primary_key=True)
    # in the group's intake (takes requests in turn); False: only seen carrying the group's role (Discord)
    intake: Mapped[bool] = mapped_column(Boolean, default=True)


class TeamRequestRow(Base):
    __tablename__ = "team_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), unique=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"))
    requester_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    conversation: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    nudges: Mapped[int] = mapped_column(Integer, default=0)
