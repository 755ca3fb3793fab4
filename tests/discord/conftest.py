"""Fixtures for Discord tests: a fake Discord with one server and its people, the bot connected to it, delivery."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from adapters.discord.sender import DiscordSender
from bot.delivery.deliverer import Deliverer
from bot.delivery.senders import task_channel
from core.bus import Bus
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot, running_bot
from tests.fakediscord import FakeDiscord, running_fake_discord

GUILD = "900000000000000001"
GUEST_ROLE = "900000000000000050"
GENERAL = "900000000000000100"
THREAD = "900000000000000101"
ALICE, BOB, GUS = "900000000000001001", "900000000000001002", "900000000000001003"


@pytest.fixture
def fake_discord() -> Iterator[FakeDiscord]:
    with running_fake_discord() as fake:
        fake.add_guild(GUILD, "Acme", roles={GUEST_ROLE: "Guest"})
        fake.add_channel(GUILD, GENERAL, "general")
        fake.add_channel(GUILD, THREAD, "Q3 planning", type=11, parent_id=GENERAL)
        fake.add_member(GUILD, ALICE, "alice", "Alice")
        fake.add_member(GUILD, BOB, "bob", "Bob")
        fake.add_member(GUILD, GUS, "gus", "Gus", roles=(GUEST_ROLE,))
        yield fake


@pytest.fixture
def discord_bot(bus: Bus, fake_discord: FakeDiscord) -> Iterator[RunningBot]:
    with running_bot(bus, fake_discord) as running:
        yield running


@pytest.fixture
def deliverer(uow_factory: SqlUnitOfWorkFactory, discord_bot: RunningBot, clock: FixedClock) -> Iterator[Deliverer]:
    sender = DiscordSender(discord_bot.link, task_channel(uow_factory), timeout=20)
    made = Deliverer(uow_factory, {"discord": sender}, clock, "worker-discord")
    yield made
    made.close()
