"""One bot over several shards: every server is served by the shard Discord assigns it, and all of them answer."""
from __future__ import annotations

from core.bus import Bus
from tests.discord.botrun import start_bot
from tests.discord.conftest import ALICE, GENERAL, GUILD
from tests.discord.flows import answer, shown
from tests.fakediscord import FakeDiscord

SECOND_GUILD, SECOND_CHANNEL, DANA = "900000000004194306", "900000000004194400", "900000000000001009"


def test_two_shards_serve_their_own_servers(bus: Bus, fake_discord: FakeDiscord) -> None:
    assert (int(GUILD) >> 22) % 2 != (int(SECOND_GUILD) >> 22) % 2, "the servers must land on different shards"
    fake_discord.add_guild(SECOND_GUILD, "Second")
    fake_discord.add_channel(SECOND_GUILD, SECOND_CHANNEL, "general")
    fake_discord.add_member(SECOND_GUILD, DANA, "dana")
    running = start_bot(bus, fake_discord, shard_count=2)
    try:
        assert fake_discord.connections == 2 and running.bot.shard_count == 2
        for guild, channel, user in ((GUILD, GENERAL, ALICE), (SECOND_GUILD, SECOND_CHANNEL, DANA)):
            it = fake_discord.slash(guild, channel, user, "task", [
                {"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": "water the plants"}]}])
            assert it.delivered == 1, "each interaction goes to the one shard that owns its server"
            assert "T-1" in shown(answer(it))
    finally:
        running.close()
