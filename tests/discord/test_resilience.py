"""Buttons survive a restart; closed DMs fall back to a mention in the task's channel; 429s are waited out."""
from __future__ import annotations

from adapters.discord.sender import DiscordSender
from bot.delivery.deliverer import Deliverer
from bot.delivery.senders import task_channel
from core.bus import Bus
from core.clock import FixedClock
from core.tasks import Agreement
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot, start_bot
from tests.discord.conftest import ALICE, BOB, THREAD
from tests.discord.flows import Json, answer, buttons, click, is_ephemeral, shown, task, until
from tests.discord.test_negotiation import deliver_to, mention_in_thread, request_to_bob, stored_task
from tests.fakediscord import FakeDiscord


def test_an_old_button_works_after_a_restart(discord_bot: RunningBot, fake_discord: FakeDiscord, bus: Bus,
                                             deliverer: Deliverer, uow_factory: SqlUnitOfWorkFactory) -> None:
    ask = request_to_bob(fake_discord, deliverer)
    discord_bot.close()
    restarted = start_bot(bus, fake_discord)
    try:
        click(fake_discord, ask, "Accept", BOB).wait_response()
        fake_discord.wait_for_message(lambda m: m["id"] == ask["id"] and "Accepted by @bob" in shown(m))
        assert stored_task(uow_factory).agreement is Agreement.COMMITTED
    finally:
        restarted.close()


def test_a_form_opened_before_a_restart_still_submits(discord_bot: RunningBot, fake_discord: FakeDiscord, bus: Bus,
                                                      deliverer: Deliverer, uow_factory: SqlUnitOfWorkFactory) -> None:
    ask = request_to_bob(fake_discord, deliverer)
    opened = click(fake_discord, ask, "Accept with my date", BOB)
    modal = opened.wait(lambda it: it.modal is not None).modal or {}
    discord_bot.close()
    restarted = start_bot(bus, fake_discord)
    try:
        boxes = [c["custom_id"] for row in modal["components"] for c in row["components"]]
        fake_discord.submit_modal_for(opened, {boxes[0]: "next tuesday 10:00", boxes[1]: ""})
        fake_discord.wait_for_message(lambda m: m["id"] == ask["id"] and "Proposed a date by @bob" in shown(m),
                                      timeout=10)
        assert stored_task(uow_factory).agreement is Agreement.PROPOSED
    finally:
        restarted.close()


def test_closed_dms_fall_back_to_a_mention_where_the_task_was_asked(
        discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer) -> None:
    fake_discord.close_dms(BOB)
    card = mention_in_thread(fake_discord)
    click(fake_discord, card, "Create", ALICE).wait_response()

    def mention() -> Json | None:
        deliverer.run_once()
        return next((m for m in fake_discord.messages(THREAD) if m["content"].startswith(f"<@{BOB}>")), None)

    notice = until(mention, what="the fallback mention")
    assert "waiting for you" in shown(notice) and "/task inbox" in shown(notice)
    assert "Q3 report" not in shown(notice) and not notice.get("embeds") and not buttons(notice)
    assert fake_discord.dms(BOB) == []


def test_a_rate_limited_dm_is_retried_and_arrives_once(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                      uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> None:
    fake_discord.rate_limit("POST", r"^/channels/\d+/messages$", times=2, retry_after=0.3)
    card = mention_in_thread(fake_discord)  # the card's own post may take one of the 429s
    click(fake_discord, card, "Create", ALICE).wait_response()
    sender = DiscordSender(discord_bot.link, task_channel(uow_factory), timeout=20)
    deliverer = Deliverer(uow_factory, {"discord": sender}, clock, "worker-429")
    try:
        ask = deliver_to(fake_discord, deliverer, BOB)
    finally:
        deliverer.close()
    assert "Q3 report" in shown(ask) and len(fake_discord.dms(BOB)) == 1
    statuses = [r.status for r in fake_discord.requests if r.method == "POST" and r.path.endswith("/messages")]
    assert statuses.count(429) == 2 and statuses[-1] == 200


def test_a_private_tasks_fallback_mention_keeps_its_details_out_of_the_channel(
        discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer) -> None:
    fake_discord.close_dms(BOB)
    added = task(fake_discord, ALICE, "add", channel=THREAD, text=f"<@{BOB}> draft the salary review by friday",
                 private=True)
    assert is_ephemeral(answer(added)), "a private task is confirmed to its author only"

    def mention() -> Json | None:
        deliverer.run_once()
        return next((m for m in fake_discord.messages(THREAD) if m["content"].startswith(f"<@{BOB}>")), None)

    notice = until(mention, what="the fallback mention")
    assert "salary" not in shown(notice) and "DMs are closed" in shown(notice) and not buttons(notice)
