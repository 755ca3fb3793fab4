"""Privacy that follows the Discord channel, end to end against the fake Discord: a channel hidden from @everyone
by its overwrites, and someone losing the role that let them in. Access is computed from roles and overwrites
with discord.py's permissions_for, recomputed whenever a person acts (no privileged intent)."""
from __future__ import annotations

import pytest

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD, GUS
from tests.discord.flows import answer, shown, task
from tests.fakediscord import FakeDiscord

LEADERSHIP_ROLE, LEADERSHIP, CAROL = "900000000000000060", "900000000000000110", "900000000000001005"
VIEW_CHANNEL = str(1 << 10)


@pytest.fixture
def private_channel(fake_discord: FakeDiscord) -> str:
    fake_discord.add_role(GUILD, LEADERSHIP_ROLE, "Leadership")
    fake_discord.add_member(GUILD, CAROL, "carol", "Carol")
    fake_discord.set_roles(GUILD, ALICE, [LEADERSHIP_ROLE])
    fake_discord.set_roles(GUILD, BOB, [LEADERSHIP_ROLE])
    fake_discord.add_channel(GUILD, LEADERSHIP, "leadership", overwrites=[
        {"id": GUILD, "type": 0, "allow": "0", "deny": VIEW_CHANNEL},
        {"id": LEADERSHIP_ROLE, "type": 0, "allow": VIEW_CHANNEL, "deny": "0"}])
    return LEADERSHIP


def _list_all(fake: FakeDiscord, user: str) -> str:
    return shown(answer(task(fake, user, "list", view="all", channel=GENERAL)))


def test_a_task_asked_in_a_private_channel_is_invisible_to_a_member_outside_it(
        discord_bot: RunningBot, fake_discord: FakeDiscord, private_channel: str) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> prepare the layoff list for Q3", channel=private_channel))
    assert "layoff" in _list_all(fake_discord, BOB)
    assert "layoff" not in _list_all(fake_discord, CAROL)
    assert "layoff" not in _list_all(fake_discord, GUS)
    hidden = shown(answer(task(fake_discord, CAROL, "show", task="T-1", channel=GENERAL)))
    missing = shown(answer(task(fake_discord, CAROL, "show", task="T-7", channel=GENERAL)))
    assert hidden.replace("T-1", "T-?") == missing.replace("T-7", "T-?")


def test_getting_the_role_shows_the_channels_tasks_and_losing_it_hides_them(
        discord_bot: RunningBot, fake_discord: FakeDiscord, private_channel: str) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> prepare the layoff list for Q3", channel=private_channel))
    fake_discord.set_roles(GUILD, CAROL, [LEADERSHIP_ROLE])
    assert "layoff" in _list_all(fake_discord, CAROL)
    fake_discord.set_roles(GUILD, CAROL, [])
    assert "layoff" not in _list_all(fake_discord, CAROL)


def test_a_task_asked_in_a_public_channel_is_seen_by_members(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                              private_channel: str) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> fix the boiler"))
    assert "boiler" in _list_all(fake_discord, CAROL)
