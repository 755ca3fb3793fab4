"""Keeps a batch's claims alive while it is being sent, so no other worker can take an entry still in flight."""
from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Collection
from datetime import timedelta
from types import TracebackType

from bot.delivery.ports import DeliveryUnitOfWorkFactory
from core.clock import Clock

log = logging.getLogger("tandem.deliver")


class KeepClaimed:
    """While inside `with`, renews the claims of `entry_ids` every third of the lease, on real time.

    Entries already recorded lose their claim when marked, so only those still being sent are renewed. When the
    process dies the renewals stop with it, and the claims run out one lease later."""

    def __init__(self, uow_factory: DeliveryUnitOfWorkFactory, clock: Clock, worker: str, lease: timedelta,
                 entry_ids: Collection[int]) -> None:
        self.uow_factory, self.clock, self.worker, self.lease = uow_factory, clock, worker, lease
        self.entry_ids = list(entry_ids)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew_until_stopped, name="deliver-renew", daemon=True)

    def __enter__(self) -> KeepClaimed:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()

    def _renew_until_stopped(self) -> None:
        while not self._stop.wait(self.lease.total_seconds() / 3):
            try:
                with self.uow_factory() as uow:
                    uow.delivery.renew(self.entry_ids, self.worker, self.clock.now() + self.lease)
                    uow.commit()
            except Exception:
                log.exception("renewing delivery claims failed [ref %s]; trying again", uuid.uuid4().hex[:8])
