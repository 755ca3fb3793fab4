"""How each person gets non-urgent notices, and a notice held back until its release."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class NoticeMode(StrEnum):
    NOW = "now"
    BATCH = "batch"
    DIGEST = "digest"


@dataclass(frozen=True)
class NoticePreference:
    """How one person gets non-urgent notices; `every_minutes` counts for BATCH."""

    mode: NoticeMode = NoticeMode.NOW
    every_minutes: int = 30


@dataclass
class HeldNotice:
    """A non-urgent notice waiting to be sent with the others released at `release_at`."""

    workspace_id: int
    person_id: int
    kind: str
    text: str
    held_at: datetime
    release_at: datetime
    task_id: int | None = None
    id: int | None = None
