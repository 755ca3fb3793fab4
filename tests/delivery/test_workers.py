"""Leases and many workers: a crashed worker's claims are taken over, concurrent workers never double-send."""
from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from datetime import timedelta

from sqlalchemy import Engine

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from core.delivery import DeliveryFailed
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import NOW, Seeded, accept_notice, enqueue, outbox_states
from tests.delivery.conftest import steady_policy
from tests.fakeslack import FakeSlack


class CountingSender:
    """Counts sends per entry; thread-safe; can raise for chosen recipients."""

    platform = "slack"

    def __init__(self, pause: float = 0.0, broken: frozenset[str] = frozenset()) -> None:
        self.sent: Counter[int] = Counter()
        self.order: list[tuple[str, str]] = []
        self.pause, self.broken = pause, broken
        self._lock = threading.Lock()

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> None:
        assert entry.id is not None and recipient is not None
        user = recipient.identities["slack"]
        if user in self.broken:
            raise RuntimeError("a bug in the sender")
        if self.pause:
            time.sleep(self.pause)
        with self._lock:
            self.sent[entry.id] += 1
            self.order.append((user, str(entry.payload["text"])))


def test_a_crashed_workers_claims_are_delivered_after_its_lease_expires(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack,
    deliverer: Deliverer, clock: FixedClock,
) -> None:
    people = seeded.people
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(people[u], f"request:{u}") for u in people])
    with uow_factory() as uow:  # a worker claims the batch, then dies before sending anything
        assert len(uow.delivery.claim(100, NOW, "crashed", timedelta(seconds=60))) == 4
        uow.commit()

    assert deliverer.run_once() == 0
    clock.advance(timedelta(seconds=59))
    assert deliverer.run_once() == 0
    assert fake_slack.posted == []

    clock.advance(timedelta(seconds=1))
    assert deliverer.run_once() == 4
    assert sorted(p.channel for p in fake_slack.posted) == sorted(people)
    assert {s.state for s in outbox_states(engine).values()} == {"sent"}


def test_two_deliverers_draining_one_outbox_send_each_entry_exactly_once(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, clock: FixedClock
) -> None:
    people = list(seeded.people.values())
    notices = [accept_notice(people[i % len(people)], f"n:{i}", text=f"n{i}") for i in range(300)]
    ids = enqueue(uow_factory, seeded.workspace_id, notices)
    sender = CountingSender(pause=0.001)
    workers = [Deliverer(uow_factory, {"slack": sender}, clock, f"w{i}", batch=20) for i in range(2)]
    claimed: Counter[str] = Counter()

    def drain(worker: Deliverer) -> None:
        while (result := worker.run_batch()).claimed:
            claimed[worker.worker_id] += result.claimed

    threads = [threading.Thread(target=drain, args=(w,)) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sender.sent == Counter(dict.fromkeys(ids, 1))
    assert sum(claimed.values()) == 300
    assert {s.state for s in outbox_states(engine).values()} == {"sent"}


def test_an_unexpected_exception_is_a_retryable_failure_and_the_batch_goes_on(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, clock: FixedClock
) -> None:
    people = seeded.people
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(people[u], f"request:{u}") for u in people])
    sender = CountingSender(broken=frozenset({"U100"}))
    deliverer = Deliverer(uow_factory, {"slack": sender}, clock, "w", policy=steady_policy())

    assert deliverer.run_once() == 3
    row = outbox_states(engine)["request:U100"]
    assert (row.state, row.attempts) == ("pending", 1)
    assert row.last_error is not None and "RuntimeError" in row.last_error and "ref " in row.last_error


def test_concurrent_sending_keeps_each_channels_order(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, clock: FixedClock
) -> None:
    people = list(seeded.people.values())
    notices = [accept_notice(people[i % 4], f"n:{i}", text=f"{i:03d}") for i in range(80)]
    enqueue(uow_factory, seeded.workspace_id, notices)
    sender = CountingSender()
    deliverer = Deliverer(uow_factory, {"slack": sender}, clock, "w", concurrency=4)
    try:
        assert deliverer.run_once() == 80
    finally:
        deliverer.close()
    for user in seeded.people:
        texts = [text for to, text in sender.order if to == user]
        assert texts == sorted(texts) and len(texts) == 20


def test_a_recipient_without_an_identity_on_the_platform_is_a_permanent_failure(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack, clock: FixedClock
) -> None:
    with uow_factory() as uow:
        nobody = uow.people.add(Person(workspace_id=seeded.workspace_id, display_name="Nobody", handle="nobody"))
        uow.commit()
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(nobody, "request:nobody")])
    from tests.delivery.conftest import slack_sender

    assert Deliverer(uow_factory, {"slack": slack_sender(fake_slack)}, clock, "w").run_once() == 0
    row = outbox_states(engine)["request:nobody"]
    assert (row.state, row.last_error) == ("failed", "@nobody has no Slack identity")


def test_run_forever_delivers_until_stopped(
    uow_factory: SqlUnitOfWorkFactory, seeded: Seeded, fake_slack: FakeSlack, deliverer: Deliverer
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(deliverer.run_forever(stop, idle_sleep=0.05))
        await posted(1)
        enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U101"], "request:2")])
        await posted(2)
        stop.set()
        await asyncio.wait_for(task, 30)

    async def posted(count: int) -> None:
        deadline = time.monotonic() + 30
        while len(fake_slack.posted) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    asyncio.run(scenario())
    assert [p.channel for p in fake_slack.posted] == ["U100", "U101"]


def test_the_retry_policy_prefers_retry_after_then_doubles() -> None:
    failure = DeliveryFailed("rate limited", retry_after=3)
    assert steady_policy().delay(1, failure) == 3
    assert steady_policy().delay(3, DeliveryFailed("x")) == 8
    assert steady_policy().gives_up(1, DeliveryFailed("x", permanent=True))
