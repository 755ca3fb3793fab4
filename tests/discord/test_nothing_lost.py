"""On Discord the note of /task done and the reason of /task reopen are fields, kept like everywhere."""
from __future__ import annotations

from bot.deliver import Deliverer
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import answer, shown, task
from tests.discord.test_negotiation import deliver_to
from tests.fakediscord import FakeDiscord


def test_the_done_note_and_the_reopen_reason_reach_the_requester(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                                 deliverer: Deliverer) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> send the Q3 report by friday"))
    answer(task(fake_discord, BOB, "done", task="T-1", note="shipped in v2.3"))
    told = deliver_to(fake_discord, deliverer, ALICE)
    assert "@bob completed T-1 send the Q3 report. Note: shipped in v2.3" in shown(told)
    answer(task(fake_discord, BOB, "reopen", task="T-1", reason="a typo on page 2"))
    again = deliver_to(fake_discord, deliverer, ALICE, len(fake_discord.dms(ALICE)))
    assert "Reason: a typo on page 2" in shown(again)
