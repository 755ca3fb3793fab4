"""The port a platform offers for delivering outbox entries, and how a delivery can fail."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from core.outbox import OutboxEntry
from core.people import Person, Workspace


class DeliveryFailed(Exception):
    """A send that did not go through. `retry_after` (seconds) when the platform says when to retry."""

    def __init__(self, reason: str, permanent: bool = False, retry_after: float | None = None,
                 rate_limited: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        self.retry_after = retry_after
        self.rate_limited = rate_limited  # the platform answered 429


@dataclass(frozen=True)
class Posted:
    """Where a sent message landed (conversation id and message id), so it can be edited later."""

    channel: str
    message: str


class Sender(Protocol):
    """Sends one outbox entry on one platform: a DM to `recipient`, a post to a conversation, or (when the
    payload names a message to `edit`) an edit of an earlier message. Returns where a new message landed."""

    platform: str

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> Posted | None: ...
