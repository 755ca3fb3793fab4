"""The deliverer: claims due outbox entries, sends each through its platform, and records every outcome."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import queue
import socket
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.delivery.policy import RetryPolicy
from bot.delivery.ports import DeliveryUnitOfWorkFactory
from bot.delivery.renewal import KeepClaimed
from core.cards import PostedCard
from core.clock import Clock, SystemClock
from core.delivery import DeliveryFailed, Posted, Sender
from core.observe import NoObserver, Observer
from core.outbox import OutboxEntry
from core.people import Person, Workspace

log = logging.getLogger("tandem.deliver")
RECORD_TRIES = 3


@dataclass(frozen=True)
class _Job:
    entry: OutboxEntry
    workspace: Workspace | None
    recipient: Person | None


@dataclass(frozen=True)
class _Outcome:
    entry: OutboxEntry
    failure: DeliveryFailed | None = None
    posted: PostedCard | None = None  # a task's card that landed somewhere it can be edited later
    skipped: bool = False  # not sent: the deliverer is stopping
    platform: str = "unknown"


@dataclass(frozen=True)
class BatchResult:
    claimed: int
    sent: int


def default_worker_id() -> str:
    """host:pid:random, unique per deliverer so leases say who holds them."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Deliverer:
    """The one path from the outbox to the platforms; one failing recipient never stops the batch.

    A batch is claimed (leased to `worker_id` until now + `lease`) and committed at once, then sent while
    the claims are kept alive; each outcome is recorded in its own short transaction. With `concurrency` > 1
    each workspace gets a small thread pool and entries for one channel are sent in order by one thread.
    Only entries of the platforms in `senders` are claimed. `clock` says which notices are due (the console's
    sandbox clock); `lease_clock` times the claims and is always real unless a test moves it.
    """

    def __init__(
        self,
        uow_factory: DeliveryUnitOfWorkFactory,
        senders: Mapping[str, Sender],
        clock: Clock,
        worker_id: str | None = None,
        lease: timedelta = timedelta(seconds=60),
        batch: int = 100,
        *,
        concurrency: int = 1,
        policy: RetryPolicy | None = None,
        lease_clock: Clock | None = None,
        observer: Observer | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.senders = senders
        self.clock = clock
        self.lease_clock = lease_clock or SystemClock()
        self.worker_id = worker_id or default_worker_id()
        self.lease = lease
        self.batch = batch
        self.concurrency = max(1, concurrency)
        self.policy = policy or RetryPolicy()
        self._pools: dict[int, ThreadPoolExecutor] = {}
        self._stopping = threading.Event()
        self.observer: Observer = observer or NoObserver()

    def run_once(self) -> int:
        """Claim and deliver one batch of due entries; returns how many were sent."""
        return self.run_batch().sent

    async def run_forever(self, stop: asyncio.Event, idle_sleep: float = 0.5) -> None:
        """Deliver until `stop` is set, sleeping `idle_sleep` seconds whenever nothing is due."""
        try:
            while not stop.is_set():
                try:
                    claimed = (await asyncio.to_thread(self.run_batch)).claimed
                except Exception:
                    log.exception("delivery batch failed [ref %s]; trying again shortly", uuid.uuid4().hex[:8])
                    claimed = 0
                if claimed == 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), timeout=idle_sleep)
        finally:
            self.close()

    def stop(self) -> None:
        """Take no new batch and start no new send; sends already under way finish (for a graceful shutdown)."""
        self._stopping.set()

    def release_claims(self) -> int:
        """Hand back this worker's claims on entries it did not send, so another process sends them at once."""
        with self.uow_factory() as uow:
            released = uow.delivery.release(self.worker_id)
            uow.commit()
        return released

    def close(self) -> None:
        """Stop the per-workspace thread pools (after their current sends)."""
        pools, self._pools = self._pools, {}
        for pool in pools.values():
            pool.shutdown(wait=True)

    def run_batch(self) -> BatchResult:
        """Claim up to `batch` entries, send them and record each outcome."""
        jobs = self._claim()
        if not jobs:
            return BatchResult(0, 0)
        ids = [job.entry.id for job in jobs if job.entry.id is not None]
        with KeepClaimed(self.uow_factory, self.lease_clock, self.worker_id, self.lease, ids):
            if self.concurrency == 1:
                sent = sum(self._record(self._attempt(job)) for job in jobs)
            else:
                sent = self._send_concurrently(jobs)
        return BatchResult(len(jobs), sent)

    def _claim(self) -> list[_Job]:
        if self._stopping.is_set():
            return []
        with self.uow_factory() as uow:
            entries = uow.delivery.claim(self.batch, self.clock.now(), self.worker_id, self.lease,
                                         platforms=list(self.senders), real_now=self.lease_clock.now())
            uow.commit()  # publishes the lease and releases the row locks before any send
            if not entries:
                return []
            workspaces = {wid: uow.workspaces.get(wid) for wid in {e.workspace_id for e in entries}}
            people = uow.people.many({e.recipient_id for e in entries if e.recipient_id is not None})
        return [
            _Job(e, workspaces.get(e.workspace_id), people.get(e.recipient_id) if e.recipient_id else None)
            for e in entries
        ]

    def _send_concurrently(self, jobs: list[_Job]) -> int:
        sent: queue.SimpleQueue[bool] = queue.SimpleQueue()
        for workspace_id, groups in _by_workspace_and_channel(jobs).items():
            pool = self._pool(workspace_id)
            for group in groups:
                pool.submit(self._send_group, group, sent.put)
        return sum(sent.get() for _ in jobs)

    def _send_group(self, group: list[_Job], report: Callable[[bool], None]) -> None:
        # Each thread records its own outcome right after the send: however busy the machine, a crash can
        # double at most the one message per thread that the platform accepted but nobody recorded yet.
        for job in group:
            report(self._record(self._attempt(job)))

    def _pool(self, workspace_id: int) -> ThreadPoolExecutor:
        pool = self._pools.get(workspace_id)
        if pool is None:
            pool = ThreadPoolExecutor(self.concurrency, thread_name_prefix=f"deliver-ws{workspace_id}")
            self._pools[workspace_id] = pool
        return pool

    def _attempt(self, job: _Job) -> _Outcome:
        entry = job.entry
        platform = job.workspace.platform if job.workspace else "unknown"
        if self._stopping.is_set():
            return _Outcome(entry, skipped=True)  # shutting down: handed back by release_claims
        try:
            sender = self.senders.get(job.workspace.platform) if job.workspace else None
            if sender is None or job.workspace is None:
                raise DeliveryFailed("no adapter serves this workspace", permanent=True)
            if entry.recipient_id is not None and job.recipient is None and entry.conversation is None:
                raise DeliveryFailed("the recipient no longer exists", permanent=True)
            if _edit_window_closed(entry, self.clock.now()):
                log.info("outbox %s: the platform no longer allows editing that reply; skipped", entry.id)
                return _Outcome(entry)
            if job.recipient is not None and not job.recipient.active:
                raise DeliveryFailed("the recipient was deactivated", permanent=True)
            posted = sender.send(entry, job.workspace, job.recipient)
        except DeliveryFailed as failure:
            return _Outcome(entry, failure, platform=platform)
        except Exception as error:  # a bug or an unmapped library error: retry, and say where to look
            ref = uuid.uuid4().hex[:8]
            log.exception("outbox %s: unexpected error while sending [ref %s]", entry.id, ref)
            return _Outcome(entry, DeliveryFailed(f"unexpected {type(error).__name__} (ref {ref})"), platform=platform)
        return _Outcome(entry, posted=_card_at(entry, job, posted, self.clock.now()), platform=platform)

    def _record(self, outcome: _Outcome) -> bool:
        entry = outcome.entry
        if outcome.skipped or entry.id is None:
            return False
        for attempt in range(1, RECORD_TRIES + 1):
            try:
                self._mark(entry, outcome.failure, outcome.posted, outcome.platform)
                return outcome.failure is None
            except Exception:
                ref = uuid.uuid4().hex[:8]
                log.exception("outbox %s: recording the outcome failed (try %d) [ref %s]", entry.id, attempt, ref)
        return False

    def _mark(self, entry: OutboxEntry, failure: DeliveryFailed | None, posted: PostedCard | None = None,
              platform: str = "unknown") -> None:
        assert entry.id is not None
        now = self.clock.now()
        with self.uow_factory() as uow:
            if failure is None:
                result = "sent"
                uow.delivery.mark_sent(entry.id, now)
                if posted is not None:
                    uow.cards.add(posted)
            else:
                attempt = entry.attempts + 1
                error = failure.reason[:500]
                gives_up = self.policy.gives_up(attempt, failure)
                result = "failed" if gives_up else "retry"
                if gives_up:
                    log.warning("outbox %s failed for good after %d attempt(s): %s", entry.id, attempt, error)
                    uow.delivery.mark_failed(entry.id, error)
                else:
                    when = now + timedelta(seconds=self.policy.delay(attempt, failure))
                    log.info("outbox %s: attempt %d failed (%s); next try at %s", entry.id, attempt, error, when)
                    uow.delivery.mark_retry(entry.id, when, error)
            uow.commit()
        self.observer.delivered(platform, result, rate_limited=failure is not None and failure.rate_limited)


def _card_at(entry: OutboxEntry, job: _Job, posted: Posted | None, now: datetime) -> PostedCard | None:
    """A new message showing a task's card, to remember for editing when the task changes."""
    if posted is None or entry.task_id is None or not entry.payload.get("card") or job.workspace is None:
        return None
    return PostedCard(entry.task_id, entry.recipient_id, job.workspace.platform, posted.channel, posted.message, now)


def _edit_window_closed(entry: OutboxEntry, now: datetime) -> bool:
    """An edit of a card shown as a reply that comes too late: the platform would refuse its handle by now."""
    until = entry.payload.get("edit_until")
    return bool(until) and datetime.fromisoformat(str(until)) <= now


def _by_workspace_and_channel(jobs: list[_Job]) -> dict[int, list[list[_Job]]]:
    groups: dict[tuple[int, int | None, str | None], list[_Job]] = defaultdict(list)
    for job in jobs:
        groups[(job.entry.workspace_id, job.entry.recipient_id, job.entry.conversation)].append(job)
    result: dict[int, list[list[_Job]]] = defaultdict(list)
    for (workspace_id, _, _), group in groups.items():
        result[workspace_id].append(group)
    return result
