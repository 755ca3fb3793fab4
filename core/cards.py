"""Task cards already posted: where a platform shows a task's card, so a change can edit it in place."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PostedCard:
    """A message on `platform` (in `channel`, with id `message`) that shows task `task_id` to `recipient_id`."""

    task_id: int
    recipient_id: int | None
    platform: str
    channel: str
    message: str
    posted_at: datetime
    id: int | None = None
