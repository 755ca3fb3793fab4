"""A fake of Discord (REST + gateway) on 127.0.0.1 for tests: discord.py runs against it unmodified."""
from tests.fakediscord.records import Interaction, RequestRecord
from tests.fakediscord.server import FakeDiscord, running_fake_discord

__all__ = ["FakeDiscord", "Interaction", "RequestRecord", "running_fake_discord"]
