"""The heart of it on Discord: a request in a thread, the owner's DM, a counter-offer by modal, its acceptance."""
from __future__ import annotations

from typing import Any

from bot.delivery.deliverer import Deliverer
from core.tasks import Agreement, Task
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GUILD, THREAD
from tests.discord.flows import answer, buttons, click, shown, task, until
from tests.fakediscord import FakeDiscord

Json = dict[str, Any]
MODAL = 9


def stored_task(uow_factory: SqlUnitOfWorkFactory, number: int = 1) -> Task:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("discord", GUILD)
        assert workspace is not None
        found = uow.tasks.get(workspace.id or 0, number)
    assert found is not None
    return found


def deliver_to(fake: FakeDiscord, deliverer: Deliverer, user: str, seen: int = 0) -> Json:
    """Run delivery until `user` has a DM beyond the first `seen`; return the newest."""
    def newest() -> Json | None:
        deliverer.run_once()
        return fake.dms(user)[-1] if len(fake.dms(user)) > seen else None
    return until(newest, what=f"a DM for {user}")


def mention_in_thread(fake: FakeDiscord, text: str = "can {bob} send the Q3 report by Friday?") -> Json:
    """Alice asks Tandem in the thread; returns the card Tandem answered with there."""
    bot = fake.bot_user_id
    fake.post_message(GUILD, THREAD, ALICE, f"<@{bot}> " + text.format(bob=f"<@{BOB}>"), mentions=[bot, BOB])
    return fake.wait_for_message(lambda m: m["channel_id"] == THREAD and m["author"]["id"] == bot)


def request_to_bob(fake: FakeDiscord, deliverer: Deliverer) -> Json:
    """Mention → card → Create; returns Bob's DM asking him to commit."""
    card = mention_in_thread(fake)
    click(fake, card, "Create", ALICE).wait_response()
    fake.wait_for_message(lambda m: m["id"] == card["id"] and "Created by @alice" in shown(m))
    return deliver_to(fake, deliverer, BOB)


def test_a_mention_in_a_thread_is_answered_there_with_a_card(discord_bot: RunningBot,
                                                              fake_discord: FakeDiscord) -> None:
    card = mention_in_thread(fake_discord)
    assert "Q3 report" in shown(card) and "@bob" in shown(card)
    assert set(buttons(card)) == {"Create", "Edit", "Cancel"}
    assert card.get("message_reference", {}).get("channel_id") == THREAD
    assert not [r for r in fake_discord.requests if "/members/" in r.path], "mentions come with the message"


def test_request_counter_offer_and_acceptance(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                              deliverer: Deliverer, uow_factory: SqlUnitOfWorkFactory) -> None:
    ask = request_to_bob(fake_discord, deliverer)
    assert "Q3 report" in shown(ask) and {"Accept", "Accept with my date", "Decline"} <= set(buttons(ask))
    assert stored_task(uow_factory).agreement is Agreement.REQUESTED

    opened = click(fake_discord, ask, "Accept with my date", BOB)
    assert opened.wait_response()[0] == MODAL
    boxes = [c for row in (opened.modal or {})["components"] for c in row["components"]]
    assert boxes[0]["label"].startswith("By when can you do it?")
    inputs = [c["custom_id"] for c in boxes]
    fake_discord.submit_modal_for(opened, {inputs[0]: "next tuesday 10:00", inputs[1]: "need the numbers first"})
    fake_discord.wait_for_message(lambda m: m["id"] == ask["id"] and "Proposed a date by @bob" in shown(m))
    assert stored_task(uow_factory).agreement is Agreement.PROPOSED

    seen = len(fake_discord.dms(ALICE))
    told = deliver_to(fake_discord, deliverer, ALICE, seen)
    assert "need the numbers first" in shown(told)
    accept = next(label for label in buttons(told) if label.startswith("Accept"))
    click(fake_discord, told, accept, ALICE).wait_response()
    fake_discord.wait_for_message(lambda m: m["id"] == told["id"] and "Accepted by @alice" in shown(m))
    agreed = stored_task(uow_factory)
    assert agreed.agreement is Agreement.COMMITTED and agreed.due is not None


def test_decline_needs_a_reason_and_the_requester_hears_it(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                            deliverer: Deliverer,
                                                            uow_factory: SqlUnitOfWorkFactory) -> None:
    ask = request_to_bob(fake_discord, deliverer)
    opened = click(fake_discord, ask, "Decline", BOB)
    modal = opened.wait(lambda it: it.modal is not None).modal or {}
    assert all(c.get("required", True) for row in modal["components"] for c in row["components"])
    fake_discord.submit_modal_for(opened, {modal["components"][0]["components"][0]["custom_id"]: "I'm out that week"})
    told = deliver_to(fake_discord, deliverer, ALICE, len(fake_discord.dms(ALICE)))
    assert "I'm out that week" in shown(told)
    assert stored_task(uow_factory).agreement is Agreement.DECLINED


def test_the_edit_button_starts_from_what_was_said(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    card = mention_in_thread(fake_discord)
    opened = click(fake_discord, card, "Edit", ALICE)
    modal = opened.wait(lambda it: it.modal is not None).modal or {}
    box = modal["components"][0]["components"][0]
    assert "send the Q3 report by Friday" in box.get("value", "")
    fake_discord.submit_modal_for(opened, {box["custom_id"]: "can @bob send the Q4 report by Monday?"})
    fake_discord.wait_for_message(lambda m: m["id"] == card["id"] and "Q4 report" in shown(m))


def test_a_request_without_a_date_is_committed_to_the_owners_date(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                                  deliverer: Deliverer,
                                                                  uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> update the wiki"))
    ask = deliver_to(fake_discord, deliverer, BOB)
    assert "By when can you do it?" in shown(ask) and set(buttons(ask)) == {"Accept with my date", "Decline"}
    opened = click(fake_discord, ask, "Accept with my date", BOB)
    modal = opened.wait(lambda it: it.modal is not None).modal or {}
    fake_discord.submit_modal_for(opened, {modal["components"][0]["components"][0]["custom_id"]: "thursday 15:00"})
    fake_discord.wait_for_message(lambda m: m["id"] == ask["id"] and "Accepted by @bob" in shown(m)
                                  and "You committed to T-1 update the wiki, due Thu 5 Mar 15:00" in shown(m),
                                  timeout=10)
    told = deliver_to(fake_discord, deliverer, ALICE, len(fake_discord.dms(ALICE)))
    assert "@bob committed to T-1 update the wiki, due Thu 5 Mar" in shown(told)
    assert stored_task(uow_factory).agreement is Agreement.COMMITTED


def test_a_click_on_a_stale_card_shows_the_task_as_it_is_now(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                             deliverer: Deliverer,
                                                             uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> book the venue by friday"))
    first = deliver_to(fake_discord, deliverer, BOB)
    answer(task(fake_discord, ALICE, "due", task="T-1", date="next tuesday"))
    click(fake_discord, first, "Accept", BOB).wait_response()  # before the card could be edited
    fake_discord.wait_for_message(lambda m: m["id"] == first["id"] and "changed since this card" in shown(m)
                                  and "Tue 10 Mar" in shown(m), timeout=10)
    assert stored_task(uow_factory).agreement is Agreement.REQUESTED

    fresh = deliver_to(fake_discord, deliverer, BOB, 1)
    assert "moved T-1 book the venue to Tue 10 Mar" in shown(fresh)
    click(fake_discord, fresh, "Accept", BOB).wait_response()
    fake_discord.wait_for_message(lambda m: m["id"] == fresh["id"] and "Accepted by @bob" in shown(m))
    assert stored_task(uow_factory).agreement is Agreement.COMMITTED


def test_a_card_of_a_task_that_changed_is_edited_in_place(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                          deliverer: Deliverer) -> None:
    answer(task(fake_discord, ALICE, "add", text=f"<@{BOB}> book the venue by friday"))
    first = deliver_to(fake_discord, deliverer, BOB)
    answer(task(fake_discord, ALICE, "due", task="T-1", date="next tuesday"))
    def edited_card() -> Json | None:
        deliverer.run_once()
        return next((m for m in fake_discord.dms(BOB) if m["id"] == first["id"] and "Updated by" in shown(m)), None)
    edited = until(edited_card, what="the first card edited")
    assert "Updated by @alice: T-1 book the venue is waiting for an answer, due Tue 10 Mar." in shown(edited)
    assert "Due: Tue 10 Mar" in shown(edited) and "Accept" in buttons(edited)
    assert buttons(edited)["Accept"] != buttons(first)["Accept"], "the edited card carries the new version"
    click(fake_discord, edited, "Accept", BOB).wait_response()
    fake_discord.wait_for_message(lambda m: m["id"] == first["id"] and "Accepted by @bob" in shown(m))
