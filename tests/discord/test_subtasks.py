"""On Discord, completing a parent with open subtasks asks with buttons; keeping them open completes the parent."""
from __future__ import annotations

from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE
from tests.discord.flows import answer, click, shown, task
from tests.discord.test_negotiation import stored_task
from tests.fakediscord import FakeDiscord


def test_done_on_a_parent_asks_and_keep_them_open_leaves_the_subtask(discord_bot: RunningBot,
                                                                     fake_discord: FakeDiscord,
                                                                     uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text="plan the offsite by friday"))
    answer(task(fake_discord, ALICE, "add", text="book the venue"))
    answer(task(fake_discord, ALICE, "edit", task="T-2", field="parent", value="T-1"))
    asked = answer(task(fake_discord, ALICE, "done", task="T-1"))
    assert "has 1 open subtask (T-2). Complete them too, keep them open, or cancel?" in shown(asked)
    click(fake_discord, asked, "Keep them open", ALICE).wait_response()
    fake_discord.wait_for_message(lambda m: "Its subtasks T-2 stay open." in shown(m))
    assert stored_task(uow_factory, 1).status.value == "done"
    assert stored_task(uow_factory, 2).status.value == "open"
