"""Rows for list cursors: where each person's last paged list stopped, so `/task list more` continues it."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.rows.base import Base
from storage.types import UTCDateTime


class ListCursorRow(Base):
    __tablename__ = "list_cursors"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), primary_key=True)
    words: Mapped[str] = mapped_column(Text)
    key: Mapped[dict[str, Any]] = mapped_column(JSON)
    shown: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
