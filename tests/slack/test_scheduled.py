"""Scheduled work reaches people as Block Kit DMs: a reminder with its buttons, and the morning digest."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from core.clock import FixedClock
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack, Posted
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_commands import task
from tests.slack.test_modals import request_to_bob


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text shown in `blocks` (section and context texts, section fields)."""
    found: list[str] = []
    for block in blocks:
        for part in [block.get("text"), *block.get("fields", []), *block.get("elements", [])]:
            if isinstance(part, dict) and isinstance(part.get("text"), str):
                found.append(part["text"])
    return found


def action_ids(post: Posted) -> set[str]:
    return {e.get("action_id") for b in post.blocks for e in b.get("elements", []) if e.get("action_id")}


def scheduler(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> Scheduler:
    return Scheduler(uow_factory, clock, SchedulePolicy(), PublicHolidays())


def test_a_reminder_is_a_dm_with_blocks_buttons_and_a_text_fallback(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    slack.command("UALICE", "add prepare the board deck by tomorrow 17:00", fake_slack.response_url("mine"))
    eventually(lambda: fake_slack.responses("mine"))
    planned = task(uow_factory, 1)
    assert planned is not None and planned.next_reminder_at is not None
    clock.set(planned.next_reminder_at)
    scheduler(uow_factory, clock).tick()
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))

    reminder = fake_slack.posts_to("UALICE")[-1]
    assert reminder.blocks, "the reminder is Block Kit"
    shown = " ".join(texts(reminder.blocks))
    assert "Reminder" in shown and "board deck" in shown
    assert {"tandem:done", "tandem:snooze"} <= action_ids(reminder)
    assert "Reminder" in reminder.text and "board deck" in reminder.text
    assert "{" not in reminder.text


def test_the_morning_digest_is_a_dm_with_blocks(slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer,
                                                clock: FixedClock, uow_factory: SqlUnitOfWorkFactory) -> None:
    request_to_bob(slack, fake_slack, deliverer)
    seen = len(fake_slack.posts_to("UBOB"))
    scheduler(uow_factory, clock).tick()  # plans each person's next digest
    clock.set(clock.now() + timedelta(days=1) - timedelta(hours=1))  # Tuesday 09:00 in Berlin
    scheduler(uow_factory, clock).tick()

    def digests() -> list[Posted]:
        deliverer.run_once()
        return [p for p in fake_slack.posts_to("UBOB")[seen:] if any(t.startswith("Your digest")
                                                                     for t in texts(p.blocks))]

    digest = eventually(digests)[0]
    assert digest.text.startswith("Your digest")
    assert "Q3 report" in " ".join(texts(digest.blocks))
