"""On Discord the note of /task done and the reason of /task reopen are fields, kept like everywhere."""
from __future__ import annotations

from bot.delivery.deliverer import Deliverer
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import answer, click, shown, task
from tests.discord.test_negotiation import deliver_to, stored_task
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


def test_a_past_time_is_asked_about_with_buttons(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                 uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text="prepare the board deck by friday"))
    asked = answer(task(fake_discord, ALICE, "due", task="T-1", date="today 8:00"))
    assert "That is in the past (Mon 2 Mar 08:00): did you mean Tue 3 Mar 08:00?" in shown(asked)
    click(fake_discord, asked, "Yes, Tue 3 Mar 08:00", ALICE).wait_response()
    fake_discord.wait_for_message(lambda m: "T-1 is now due Tue 3 Mar 08:00" in shown(m))
    assert stored_task(uow_factory).due is not None
