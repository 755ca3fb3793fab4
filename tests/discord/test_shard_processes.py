"""Two processes, each owning its shards (discord.shard_ids): every server's events reach exactly one of them."""
from __future__ import annotations

from adapters.discord.client import TandemBot
from bot.config import DiscordConfig
from bot.discord.main import shard_options
from core.bus import Bus
from tests.discord.botrun import start_bot
from tests.discord.conftest import ALICE, GENERAL, GUILD
from tests.discord.flows import answer, shown
from tests.fakediscord import FakeDiscord
from tests.fakediscord.ids import shard_of

SECOND_GUILD, SECOND_CHANNEL, DANA = "900000000004194306", "900000000004194400", "900000000000001009"


def _owner(bots: list[TandemBot], guild: str) -> list[int]:
    """Which of `bots` know the server (a bot knows only the servers of its own shards)."""
    return [index for index, bot in enumerate(bots) if bot.get_guild(int(guild)) is not None]


def test_two_processes_with_disjoint_shards_each_serve_only_their_servers(bus: Bus, fake_discord: FakeDiscord) -> None:
    assert {shard_of(GUILD, 2), shard_of(SECOND_GUILD, 2)} == {0, 1}, "the servers must land on different shards"
    fake_discord.add_guild(SECOND_GUILD, "Second")
    fake_discord.add_channel(SECOND_GUILD, SECOND_CHANNEL, "general")
    fake_discord.add_member(SECOND_GUILD, DANA, "dana")
    # Two bots with one bus stand for two `tandem run` processes on one database.
    running = [start_bot(bus, fake_discord, **shard_options(DiscordConfig(shard_count=2, shard_ids=(shard,))))
               for shard in (0, 1)]
    try:
        bots = [each.bot for each in running]
        assert fake_discord.connections == 2 and [sorted(bot.shards) for bot in bots] == [[0], [1]]
        for guild, channel, user, title in ((GUILD, GENERAL, ALICE, "water the plants"),
                                            (SECOND_GUILD, SECOND_CHANNEL, DANA, "feed the cat")):
            assert _owner(bots, guild) == [shard_of(guild, 2)]
            it = fake_discord.slash(guild, channel, user, "task", [
                {"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": title}]}])
            assert it.delivered == 1, "the interaction reaches only the process that owns the server's shard"
            assert "T-1" in shown(answer(it)) and title in shown(answer(it))
    finally:
        for each in running:
            each.close()


def test_a_shard_count_alone_runs_every_shard_in_this_process() -> None:
    assert shard_options(DiscordConfig(shard_count=3)) == {"shard_count": 3, "shard_ids": [0, 1, 2]}
    assert shard_options(DiscordConfig()) == {}
