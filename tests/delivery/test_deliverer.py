"""The deliverer against the real outbox and a fake Slack: DMs, retries, backoff, permanent failures."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import NOW, Seeded, accept_notice, enqueue, outbox_states
from tests.fakeslack import FakeSlack


def test_a_notice_reaches_slack_as_a_dm_with_buttons_and_fallback_text(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack, deliverer: Deliverer
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])

    assert deliverer.run_once() == 1

    [posted] = fake_slack.posted
    assert posted.channel == "U100"
    assert posted.text == "Ana asks you to send the Q3 report"
    buttons = [e for b in posted.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"], b.get("style")) for b in buttons] == [
        ("tandem:accept", "/task accept T-3", "primary"), ("tandem:decline", "/task decline T-3", "danger")]
    assert outbox_states(engine)["request:1"].state == "sent"
    assert deliverer.run_once() == 0
    assert len(fake_slack.posted) == 1


def test_a_429_is_retried_after_retry_after_and_posts_exactly_once(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack,
    deliverer: Deliverer, clock: FixedClock,
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
    fake_slack.rate_limit_next(1, retry_after=1)

    assert deliverer.run_once() == 0
    row = outbox_states(engine)["request:1"]
    assert (row.state, row.attempts, row.not_before) == ("pending", 1, NOW + timedelta(seconds=1))
    assert row.claimed_by is None
    assert deliverer.run_once() == 0  # not due yet: nothing claimed, nothing posted
    assert fake_slack.calls() == 1

    clock.advance(timedelta(seconds=1))
    assert deliverer.run_once() == 1
    assert fake_slack.calls() == 2  # slack_sdk did not retry on its own
    assert len(fake_slack.posted) == 1
    assert outbox_states(engine)["request:1"].state == "sent"


def test_server_errors_are_retried_with_growing_backoff(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack,
    deliverer: Deliverer, clock: FixedClock,
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
    fake_slack.fail_next(2, status=500)

    assert deliverer.run_once() == 0
    assert outbox_states(engine)["request:1"].not_before == NOW + timedelta(seconds=2)
    clock.advance(timedelta(seconds=2))
    assert deliverer.run_once() == 0
    row = outbox_states(engine)["request:1"]
    assert (row.attempts, row.not_before) == (2, NOW + timedelta(seconds=6))
    assert row.last_error is not None and "500" in row.last_error
    clock.advance(timedelta(seconds=4))
    assert deliverer.run_once() == 1
    assert len(fake_slack.posted) == 1


def test_a_permanent_error_fails_one_entry_and_the_rest_of_the_batch_goes_out(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack, deliverer: Deliverer
) -> None:
    people = seeded.people
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(people[u], f"request:{u}") for u in people])
    fake_slack.channel_error("U101", "user_not_found")

    assert deliverer.run_once() == 3

    states = outbox_states(engine)
    assert states["request:U101"].state == "failed"
    assert states["request:U101"].last_error == "user_not_found"
    assert {p.channel for p in fake_slack.posted} == {"U100", "U102", "U103"}
    assert all(states[f"request:{u}"].state == "sent" for u in ("U100", "U102", "U103"))


def test_an_entry_fails_for_good_after_the_last_attempt(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack,
    deliverer: Deliverer, clock: FixedClock,
) -> None:
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
    fake_slack.fail_next(10, status=503)
    for _ in range(deliverer.policy.max_attempts):
        assert deliverer.run_once() == 0
        clock.advance(timedelta(minutes=10))
    row = outbox_states(engine)["request:1"]
    assert (row.state, row.attempts) == ("failed", deliverer.policy.max_attempts)
    assert deliverer.run_once() == 0
    assert fake_slack.calls() == deliverer.policy.max_attempts


def test_a_timeout_is_retried(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, seeded: Seeded, fake_slack: FakeSlack,
    clock: FixedClock,
) -> None:
    from tests.delivery.conftest import slack_sender, steady_policy

    senders = {"slack": slack_sender(fake_slack, timeout=1)}
    deliverer = Deliverer(uow_factory, senders, clock, "w", policy=steady_policy())
    enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
    fake_slack.slow_next(1, delay=3)

    assert deliverer.run_once() == 0
    row = outbox_states(engine)["request:1"]
    assert (row.state, row.attempts) == ("pending", 1)
    clock.advance(timedelta(seconds=2))
    assert deliverer.run_once() == 1
    assert len(fake_slack.posted) == 1
