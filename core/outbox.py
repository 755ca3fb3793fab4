"""Outbox entries: notices stored with the change that caused them, delivered later exactly once."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from core.outcome import Notice


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


@dataclass
class OutboxEntry:
    """One notice waiting for (or done with) delivery to a person or a conversation."""

    workspace_id: int
    kind: str
    payload: dict[str, Any]
    dedupe_key: str
    created_at: datetime
    not_before: datetime
    recipient_id: int | None = None
    conversation: str | None = None
    task_id: int | None = None
    state: DeliveryState = DeliveryState.PENDING
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None
    id: int | None = None


def entry_for(notice: Notice, workspace_id: int, now: datetime, not_before: datetime | None = None) -> OutboxEntry:
    """The outbox row that delivers `notice`; `not_before` holds it back (quiet hours)."""
    return OutboxEntry(
        workspace_id=workspace_id, kind=notice.kind, payload=notice.payload(),
        dedupe_key=notice.dedupe_key or f"{notice.kind}:{notice.recipient_id}:{now.isoformat()}",
        created_at=now, not_before=not_before or now, recipient_id=notice.recipient_id or None,
        conversation=notice.conversation, task_id=notice.task_id,
    )
