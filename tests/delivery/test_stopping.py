"""A stopping deliverer takes no new batch, starts no new send, and hands its unsent claims back."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import Seeded, accept_notice, enqueue, outbox_states
from tests.fakeslack import FakeSlack


def test_a_stopped_deliverer_claims_nothing(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack, deliverer: Deliverer
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
    deliverer.stop()
    assert deliverer.run_once() == 0
    assert fake_slack.calls() == 0
    assert outbox_states(engine)["request:1"].claimed_by is None


def test_claims_left_unsent_are_released_for_another_worker_at_once(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack, deliverer: Deliverer,
    clock: FixedClock,
) -> None:
    notices = [accept_notice(seeded.people[user], f"request:{user}") for user in ("U100", "U101")]
    enqueue(uow_factory, seeded.workspace_id, notices)
    with uow_factory() as uow:  # this worker claimed both, then was told to stop before sending
        uow.delivery.claim(10, clock.now(), deliverer.worker_id, timedelta(minutes=5))
        uow.commit()
    other = Deliverer(uow_factory, deliverer.senders, clock, "worker-b", lease_clock=clock)
    assert other.run_once() == 0  # still leased to worker-a
    assert deliverer.release_claims() == 2
    assert other.run_once() == 2
    assert {row.state for row in outbox_states(engine).values()} == {"sent"}
    assert deliverer.release_claims() == 0  # sent entries are not touched
