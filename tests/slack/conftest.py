"""Fixtures for Slack tests: the fake Slack Web API with a team and people, the bot served against it."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from bot.delivery.deliverer import Deliverer
from core.bus import Bus
from core.clock import FixedClock
from core.commands import Command, Speaker
from core.outcome import Outcome
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits
from tests.slack.botserver import SECRET, TOKEN, running_bot
from tests.slack.signing import SlackClient

PEOPLE: dict[str, dict[str, Any]] = {
    "UALICE": {"name": "alice", "tz": "Europe/Berlin"}, "UBOB": {"name": "bob", "tz": "Europe/Berlin"},
    "UGUS": {"name": "gus", "is_restricted": True}}


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with running_fake_slack(Limits(channel_rate=50, channel_burst=50, workspace_rate=50, workspace_burst=50)) as fake:
        fake.add_token(TOKEN, "T1")
        fake.add_channel("C1")
        for user, fields in PEOPLE.items():
            fake.add_user(user, team_id="T1", **fields)
        yield fake


@pytest.fixture
def slack(bus: Bus, fake_slack: FakeSlack) -> Iterator[SlackClient]:
    with running_bot(bus, fake_slack.api_url) as url:
        yield SlackClient(url, SECRET)


class SlowBus(Bus):
    """The real bus, held until the test releases it: the ack must not wait for it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.release = threading.Event()

    def execute(self, command: Command, speaker: Speaker) -> Outcome:
        self.release.wait(30)
        return super().execute(command, speaker)


@pytest.fixture
def slow_bus(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> Iterator[SlowBus]:
    bus = SlowBus(uow_factory, clock)
    yield bus
    bus.release.set()


@pytest.fixture
def slow_slack(slow_bus: SlowBus, fake_slack: FakeSlack) -> Iterator[SlackClient]:
    with running_bot(slow_bus, fake_slack.api_url) as url:
        yield SlackClient(url, SECRET)


@pytest.fixture
def deliverer(uow_factory: SqlUnitOfWorkFactory, fake_slack: FakeSlack, clock: FixedClock) -> Iterator[Deliverer]:
    sender = SlackSender(lambda _workspace: TOKEN, fake_slack.api_url, SlackPacer(workspace_rate=50,
                         workspace_burst=50, channel_rate=50, channel_burst=50))
    made = Deliverer(uow_factory, {"slack": sender}, clock, "worker-slack")
    yield made
    made.close()
