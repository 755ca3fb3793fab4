"""Comments and the activity log: who did what to a task, and when."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Comment:
    task_id: int
    author_id: int
    text: str
    at: datetime
    id: int | None = None


@dataclass(frozen=True)
class Activity:
    """One change to a task. Negotiation steps (requested, proposed, accepted…) are activities too."""

    task_id: int
    actor_id: int | None
    verb: str
    detail: str
    at: datetime
    id: int | None = None
