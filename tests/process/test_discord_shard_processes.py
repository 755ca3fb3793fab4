"""Two `tandem run` processes on one PostgreSQL database, each owning one of two Discord shards."""
from __future__ import annotations

from pathlib import Path

import pytest

from storage.database import make_engine
from storage.migrate import upgrade
from tests.discord.flows import answer, shown
from tests.fakediscord import running_fake_discord
from tests.fakediscord.ids import shard_of
from tests.process.running import start_tandem, stop, wait_until
from tests.process.test_run_discord import discord_config

pytestmark = pytest.mark.postgres
GUILDS = {"930000000000000001": "930000000000000100", "930000000004194305": "930000000004194400"}
ALICE = "930000000000001001"


def test_each_server_is_served_by_the_one_process_that_owns_its_shard(tmp_path: Path, postgres_url: str) -> None:
    assert sorted(shard_of(guild, 2) for guild in GUILDS) == [0, 1], "the servers must land on different shards"
    engine = make_engine(postgres_url)
    upgrade(engine)
    engine.dispose()
    with running_fake_discord() as fake:
        for guild, channel in GUILDS.items():
            fake.add_guild(guild, f"Server {guild[-1]}")
            fake.add_channel(guild, channel, "general")
            fake.add_member(guild, ALICE, "alice")
        configs = []
        for shard in (0, 1):
            config = discord_config(tmp_path, postgres_url, fake).rename(tmp_path / f"shard{shard}.yaml")
            config.write_text(config.read_text().replace(
                "  default_timezone:", f"  shard_count: 2\n  shard_ids: \"{shard}\"\n  default_timezone:"))
            configs.append(config)
        processes = [start_tandem(config) for config in configs]
        try:
            wait_until(lambda: bool(fake.commands()) and fake.connections == 2, 60, "both shards to connect")
            for number, (guild, channel) in enumerate(GUILDS.items(), start=1):
                it = fake.slash(guild, channel, ALICE, "task", [
                    {"type": 1, "name": "add", "options": [{"type": 3, "name": "text", "value": "water plants"}]}])
                assert it.delivered == 1, "the command reaches only the process owning the server's shard"
                assert "T-1" in shown(answer(it, timeout=30)), number
        finally:
            errors = [stop(process) for process in processes]
        assert all("Traceback" not in each for each in errors), errors
