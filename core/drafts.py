"""Drafts: a request read from chat and shown back, waiting for Create, Edit or Cancel."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Draft:
    """The words as said, and when: re-reading them against `said_at` gives the same result."""

    workspace_id: int
    author_id: int
    text: str
    said_at: datetime
    conversation: str | None = None
    message: str | None = None
    link: str | None = None
    closed_at: datetime | None = None  # created or cancelled; kept so its number is never given out again
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
