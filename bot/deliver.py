"""The deliverer: takes pending outbox entries and sends each through its workspace's platform."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from core.clock import Clock
from core.delivery import DeliveryFailed, Sender
from core.outbox import DeliveryState, OutboxEntry
from core.ports import UnitOfWorkFactory

log = logging.getLogger("tandem.deliver")
MAX_ATTEMPTS = 5


class Deliverer:
    """Sends what is due in the outbox; one failing recipient never stops the batch."""

    def __init__(self, uow_factory: UnitOfWorkFactory, senders: dict[str, Sender], clock: Clock) -> None:
        self.uow_factory = uow_factory
        self.senders = senders
        self.clock = clock

    def run_once(self, limit: int = 200) -> int:
        """Deliver up to `limit` due entries; returns how many were sent."""
        with self.uow_factory() as uow:
            entries = list(uow.outbox.pending(limit, self.clock.now()))
        return sum(self._deliver(entry) for entry in entries)

    def _deliver(self, entry: OutboxEntry) -> bool:
        with self.uow_factory() as uow:
            workspace = uow.workspaces.get(entry.workspace_id)
            recipient = uow.people.get(entry.recipient_id) if entry.recipient_id else None
            sender = self.senders.get(workspace.platform) if workspace else None
            now = self.clock.now()
            try:
                if sender is None or workspace is None:
                    raise DeliveryFailed("no adapter serves this workspace", permanent=True)
                sender.send(entry, workspace, recipient)
            except DeliveryFailed as failure:
                _record_failure(entry, failure, now)
            else:
                entry.state, entry.sent_at, entry.attempts = DeliveryState.SENT, now, entry.attempts + 1
            uow.outbox.save(entry)
            uow.commit()
        return entry.state is DeliveryState.SENT


def _record_failure(entry: OutboxEntry, failure: DeliveryFailed, now: datetime) -> None:
    entry.attempts += 1
    entry.last_error = failure.reason[:500]
    if failure.permanent or entry.attempts >= MAX_ATTEMPTS:
        entry.state = DeliveryState.FAILED
        log.warning("outbox %s failed for good: %s", entry.id, failure.reason)
        return
    wait = failure.retry_after if failure.retry_after is not None else 2 ** entry.attempts
    entry.not_before = now + timedelta(seconds=wait)
