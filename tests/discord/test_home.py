"""/task home on Discord: my work, only for me; More shows the next page in place; /task list takes filters."""
from __future__ import annotations

from core.bus import Bus
from core.commands import AddTask, Speaker
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD
from tests.discord.flows import answer, click, is_ephemeral, shown, task
from tests.fakediscord import FakeDiscord


def _alice(uow_factory: SqlUnitOfWorkFactory) -> Speaker:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("discord", GUILD)
        assert workspace is not None
        alice = uow.people.by_identity(workspace.id or 0, "discord", ALICE)
    assert alice is not None and alice.id is not None
    return Speaker(alice.workspace_id, alice.id, GENERAL)


def test_home_is_my_work_and_only_i_see_it(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, BOB, "add", text=f"<@{ALICE}> send the Q3 report by friday"))
    answer(task(fake_discord, ALICE, "add", text="renew my badge #admin"))
    it = task(fake_discord, ALICE, "home")
    home = answer(it)
    assert is_ephemeral(home)
    text = shown(home)
    assert text.startswith("Your work: 2 of 2")
    assert "Needs your answer (1)" in text and "Your own tasks (1)" in text and "#admin (1)" in text
    assert "Accept" in str(home.get("components"))
    only_admin = shown(answer(task(fake_discord, ALICE, "home", text="#admin")))
    assert "renew my badge" in only_admin and "Q3 report" not in only_admin


def test_home_pages_and_more_shows_the_next_page_in_place(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                          bus: Bus, uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text="chore 1"))
    alice = _alice(uow_factory)
    for i in range(2, 24):
        bus.execute(AddTask(f"chore {i}"), alice)
    first = answer(task(fake_discord, ALICE, "home"))
    assert shown(first).startswith("Your work: 20 of 23") and "More: /task list more" in shown(first)
    more = click(fake_discord, first, "More", ALICE)
    page = more.wait_original(lambda m: "21–23 of 23" in shown(m))
    assert "T-21 chore 21" in shown(page) and "T-20 chore 20" not in shown(page)


def test_list_takes_a_view_and_filters(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "add", text="renew my badge !high"))
    answer(task(fake_discord, ALICE, "add", text="water the plants"))
    high = shown(answer(task(fake_discord, ALICE, "list", text="!high")))
    assert "renew my badge" in high and "water the plants" not in high and "1 of 1" in high
    mine = shown(answer(task(fake_discord, ALICE, "list", view="mine")))
    assert mine.startswith("Your tasks: 2 of 2")
