"""Goals hold projects; projects hold tasks and members."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class Goal:
    """An outcome that projects serve, by a target date."""

    workspace_id: int
    name: str
    created_at: datetime
    owner_id: int | None = None
    target_on: date | None = None
    description: str = ""
    id: int | None = None


@dataclass
class Project:
    """A named body of work, referred to as #name."""

    workspace_id: int
    name: str
    created_at: datetime
    owner_id: int | None = None
    goal_id: int | None = None
    channel: str | None = None
    members: set[int] = field(default_factory=set)
    next_digest_at: datetime | None = None
    private: bool = False  # members only
    id: int | None = None


@dataclass(frozen=True)
class ProjectStatus:
    """A project's health at a glance."""

    project: Project
    counts: dict[str, int]
    overdue: int
    unanswered: int
    due_this_week: int
    total: int

    @property
    def percent_done(self) -> int:
        done = self.counts.get("done", 0)
        considered = self.total - self.counts.get("cancelled", 0)
        return round(100 * done / considered) if considered else 0
