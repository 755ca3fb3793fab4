"""Task cards on Discord: the embed title names the reference once; the project and repeat read in words."""
from __future__ import annotations

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE
from tests.discord.flows import answer, shown, task
from tests.fakediscord import FakeDiscord


def test_an_embed_names_the_reference_once_with_project_and_repeat(discord_bot: RunningBot,
                                                                   fake_discord: FakeDiscord) -> None:
    card = answer(task(fake_discord, ALICE, "add", text="water the plants every weekday at 9:15 #office"))
    embed = card["embeds"][0]
    assert embed["title"] == "T-1 · water the plants"
    assert "Repeats: every weekday at 9:15" in shown(card) and "Project: #office" in shown(card)
    assert "FREQ" not in str(card)
