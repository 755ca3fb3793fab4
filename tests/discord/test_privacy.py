"""Guests (the configured guest role) see only their own work; servers never see each other."""
from __future__ import annotations

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, GENERAL, GUS
from tests.discord.flows import answer, shown, task
from tests.fakediscord import FakeDiscord

OTHER_GUILD, OTHER_CHANNEL, CARL = "900000000000000002", "900000000000000200", "900000000000001004"


def test_a_guest_sees_only_their_own_tasks(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "add", text="plan the offsite"))
    answer(task(fake_discord, ALICE, "add", text=f"<@{GUS}> review the landing page by friday"))
    mine = shown(answer(task(fake_discord, GUS, "list", view="all")))
    assert "landing page" in mine and "offsite" not in mine
    denied = shown(answer(task(fake_discord, GUS, "show", task="T-1")))
    assert "offsite" not in denied


def test_a_member_sees_the_servers_open_work(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "add", text="plan the offsite"))
    assert "offsite" in shown(answer(task(fake_discord, ALICE, "list", view="all", channel=GENERAL)))


def test_servers_never_see_each_other(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    fake_discord.add_guild(OTHER_GUILD, "Other Co")
    fake_discord.add_channel(OTHER_GUILD, OTHER_CHANNEL, "general")
    fake_discord.add_member(OTHER_GUILD, CARL, "carl")
    answer(task(fake_discord, ALICE, "add", text="plan the offsite"))
    there = fake_discord.slash(OTHER_GUILD, OTHER_CHANNEL, CARL, "task", [
        {"type": 1, "name": "list", "options": [{"type": 3, "name": "view", "value": "all"}]}])
    assert "offsite" not in shown(answer(there))
    probe = fake_discord.slash(OTHER_GUILD, OTHER_CHANNEL, CARL, "task", [
        {"type": 1, "name": "show", "options": [{"type": 3, "name": "task", "value": "T-1"}]}])
    assert "offsite" not in shown(answer(probe))
