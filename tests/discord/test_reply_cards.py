"""Cards shown as the (ephemeral) response to a slash command follow the task through the interaction's token while
Discord allows it (15 minutes); after that the buttons' version guard shows the task as it is."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import answer, buttons, click, is_ephemeral, shown, task, until
from tests.fakediscord import FakeDiscord
from tests.fakediscord.records import Interaction

Json = dict[str, Any]


def bob_sees_the_request(fake: FakeDiscord, uow_factory: SqlUnitOfWorkFactory) -> tuple[Interaction, Json]:
    answer(task(fake, ALICE, "add", text=f"<@{BOB}> book the venue by friday"))
    asked = task(fake, BOB, "show", task="T-1")
    card = answer(asked)
    assert is_ephemeral(card) and "Due: Fri 6 Mar" in shown(card)
    until(lambda: reply_cards_kept(uow_factory) == 1, what="bob's reply card remembered")
    return asked, card


def reply_cards_kept(uow_factory: SqlUnitOfWorkFactory) -> int:
    """How many of bob's cards shown as replies Tandem remembers (it records them just after answering)."""
    with uow_factory() as uow:
        task = next(t for t in (uow.tasks.get_by_id(i) for i in range(1, 5)) if t is not None)
        return sum(1 for c in uow.cards.for_task(task.id or 0) if c.handle and c.recipient_id == task.owner_id)


def webhook_edits(fake: FakeDiscord, it: Interaction) -> list[Any]:
    return [r for r in fake.requests if r.method == "PATCH" and "/webhooks/" in r.path and it.token in r.path]


def test_bobs_ephemeral_card_shows_the_new_date_alice_set(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                          deliverer: Deliverer,
                                                          uow_factory: SqlUnitOfWorkFactory) -> None:
    asked, card = bob_sees_the_request(fake_discord, uow_factory)
    answer(task(fake_discord, ALICE, "due", task="T-1", date="next tuesday"))

    def edited() -> Json | None:
        deliverer.run_once()
        now = asked.original
        return now if now is not None and "Updated by" in shown(now) else None
    now = until(edited, what="bob's ephemeral card edited")
    assert "Updated by @alice: T-1 book the venue is waiting for an answer, due Tue 10 Mar." in shown(now)
    assert "Due: Tue 10 Mar" in shown(now) and is_ephemeral(now)
    assert buttons(now)["Accept"] != buttons(card)["Accept"], "the edited card carries the task's new version"
    assert [r.status for r in webhook_edits(fake_discord, asked)] == [200]


def test_after_the_tokens_15_minutes_no_edit_is_tried_and_a_click_shows_the_task_as_it_is(
        discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    asked, card = bob_sees_the_request(fake_discord, uow_factory)
    clock.advance(timedelta(minutes=16))
    fake_discord.expire_token(asked)
    answer(task(fake_discord, ALICE, "due", task="T-1", date="next tuesday"))
    until(lambda: deliverer.run_once() or len(fake_discord.dms(BOB)) > 1, what="bob told in his DMs")
    while deliverer.run_once():
        pass
    assert webhook_edits(fake_discord, asked) == []
    assert "Fri 6 Mar" in shown(asked.original or {})

    click(fake_discord, card, "Accept", BOB).wait_response()
    now = until(lambda: (o := asked.original) and "changed since this card" in shown(o) and o,
                what="the stale card shown as the task is now")
    assert "Tue 10 Mar" in shown(now)
