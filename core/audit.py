"""The admin audit log: every admin action, who did it to whom, and when."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class AuditEntry:
    """One admin action. People are kept by id (never by name) so that forgetting someone leaves no trace here."""

    workspace_id: int
    actor_id: int | None
    action: str
    subject_id: int | None
    detail: str
    at: datetime
    id: int | None = None
