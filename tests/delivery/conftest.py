"""Fixtures for delivery tests: a running fake Slack, a seeded Slack workspace, and a deliverer wired to both."""
from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from bot.delivery.deliverer import Deliverer
from bot.delivery.policy import RetryPolicy
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import NOW, TEAM, TOKEN, Seeded, seed_workspace
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits

USERS = ["U100", "U101", "U102", "U103"]


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack Web API with one token (team T1) and a few users; generous limits unless a test sets its own."""
    with running_fake_slack(Limits(channel_rate=1.0, channel_burst=5, workspace_rate=50, workspace_burst=50)) as fake:
        fake.add_token(TOKEN, TEAM)
        for user in USERS:
            fake.add_user(user)
        yield fake


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def seeded(uow_factory: SqlUnitOfWorkFactory) -> Seeded:
    return seed_workspace(uow_factory, USERS)


def slack_sender(fake: FakeSlack, pacer: SlackPacer | None = None, timeout: int = 5) -> SlackSender:
    pacer = pacer or SlackPacer(workspace_rate=50, workspace_burst=20, channel_rate=1.0, channel_burst=5)
    return SlackSender(lambda workspace: TOKEN if workspace.external_id == TEAM else None, fake.api_url, pacer, timeout)


def steady_policy() -> RetryPolicy:
    """Backoff without jitter, so tests can say exactly when the next try is."""
    return RetryPolicy(max_attempts=6, base=2.0, cap=300.0, jitter=0.0, rng=random.Random(0))


@pytest.fixture
def deliverer(uow_factory: SqlUnitOfWorkFactory, fake_slack: FakeSlack, clock: FixedClock) -> Iterator[Deliverer]:
    made = Deliverer(uow_factory, {"slack": slack_sender(fake_slack)}, clock, "worker-a", policy=steady_policy(),
                     lease_clock=clock)
    yield made
    made.close()
