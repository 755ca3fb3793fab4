"""Rows for platform deliveries already handled (e.g. Slack event ids), so retries do nothing."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class SeenEventRow(Base):
    __tablename__ = "seen_events"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
