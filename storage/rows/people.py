"""Rows for workspaces, people and their platform identities."""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Time, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class WorkspaceRow(Base):
    __tablename__ = "workspaces"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(255))
    default_tz: Mapped[str] = mapped_column(String(64))
    holiday_country: Mapped[str | None] = mapped_column(String(16))
    default_days: Mapped[str | None] = mapped_column(String(16))
    default_work_start: Mapped[time | None] = mapped_column(Time)
    default_work_end: Mapped[time | None] = mapped_column(Time)
    default_digest_time: Mapped[time | None] = mapped_column(Time)
    default_lang: Mapped[str | None] = mapped_column(String(16))
    last_task_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (
        Index(None, "workspace_id", "handle_key"),
        Index(None, "workspace_id", "name_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    display_name: Mapped[str] = mapped_column(String(255))
    handle: Mapped[str] = mapped_column(String(255))
    handle_key: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255))
    tz: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    external: Mapped[bool] = mapped_column(Boolean)
    working_days: Mapped[str] = mapped_column(String(16))
    work_start: Mapped[time] = mapped_column(Time)
    work_end: Mapped[time] = mapped_column(Time)
    digest_time: Mapped[time] = mapped_column(Time)
    digest_enabled: Mapped[bool] = mapped_column(Boolean)
    lang: Mapped[str] = mapped_column(String(16))
    lang_chosen: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    holiday_country: Mapped[str | None] = mapped_column(String(16))
    away_until: Mapped[date | None] = mapped_column(Date)
    digest_days: Mapped[str | None] = mapped_column(String(16))
    next_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    admin_grant: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IdentityRow(Base):
    """Who a person is on one platform (a Slack user id, a Discord user id, a console name)."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("workspace_id", "platform", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id"))
    platform: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(255))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
