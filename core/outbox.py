"""Outbox entries: notices stored with the change that caused them, delivered later exactly once."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any


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
