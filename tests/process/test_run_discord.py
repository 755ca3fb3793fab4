"""`tandem run` with Discord enabled: the bot connects, answers /task, and its deliverer DMs through the same bot."""
from __future__ import annotations

from pathlib import Path

from tests.discord.flows import click, shown
from tests.fakediscord import FakeDiscord, running_fake_discord
from tests.process.running import migrated_sqlite, start_tandem, stop, wait_until

GUILD, CHANNEL = "930000000000000001", "930000000000000100"
ALICE, BOB = "930000000000001001", "930000000000001002"


def discord_config(folder: Path, database_url: str, fake: FakeDiscord) -> Path:
    path = folder / "discord.yaml"
    path.write_text(
        f"database:\n  url: \"{database_url}\"\n"
        "console:\n  enabled: false\n"
        f"discord:\n  enabled: true\n  token: {fake.token}\n  api_url: {fake.api_url}\n"
        f"  gateway_url: {fake.gateway_url}\n  default_timezone: Europe/Berlin\n"
        "scheduler:\n  tick_seconds: 1\n"
        "logging:\n  level: WARNING\n"
    )
    return path


def test_tandem_run_connects_the_bot_and_delivers_through_it(tmp_path: Path) -> None:
    url = migrated_sqlite(tmp_path)
    with running_fake_discord() as fake:
        fake.add_guild(GUILD, "Acme")
        fake.add_channel(GUILD, CHANNEL, "general")
        fake.add_member(GUILD, ALICE, "alice")
        fake.add_member(GUILD, BOB, "bob")
        process = start_tandem(discord_config(tmp_path, url, fake))
        try:
            wait_until(lambda: bool(fake.commands()) and fake.connections > 0, 30, "the bot to connect")
            bot = fake.bot_user_id
            fake.post_message(GUILD, CHANNEL, ALICE, f"<@{bot}> can <@{BOB}> send the Q3 report by Friday?",
                              mentions=[bot, BOB])
            card = fake.wait_for_message(lambda m: m["author"]["id"] == bot and "Q3 report" in shown(m), 15)
            click(fake, card, "Create", ALICE).wait_response(10)
            wait_until(lambda: any("Q3 report" in shown(m) for m in fake.dms(BOB)), 20, "Bob's DM from the deliverer")
        finally:
            errors = stop(process)
        assert "Traceback" not in errors, errors


def test_a_refused_token_stops_tandem_run_with_a_clear_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tandem.sqlite'}"
    with running_fake_discord(token="the-right-token") as fake:
        config = discord_config(tmp_path, url, fake)
        config.write_text(config.read_text().replace("token: the-right-token", "token: a-stale-token"))
        process = start_tandem(config)
        try:
            code = process.exit_code()
        finally:
            errors = stop(process)
        assert code == 2
        assert "Discord refused the bot token" in errors and "Traceback" not in errors
