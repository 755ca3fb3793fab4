"""Scheduled work reaches people as Discord DMs: a reminder with its buttons, and the morning digest."""
from __future__ import annotations

from datetime import timedelta

from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from core.clock import FixedClock
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import Json, answer, buttons, shown, task, until
from tests.discord.test_negotiation import deliver_to, request_to_bob, stored_task
from tests.fakediscord import FakeDiscord


def scheduler(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> Scheduler:
    return Scheduler(uow_factory, clock, SchedulePolicy(), PublicHolidays())


def test_a_reminder_is_a_dm_with_done_and_snooze(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                 deliverer: Deliverer, clock: FixedClock,
                                                 uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "add", text="prepare the board deck by tomorrow 17:00"))
    planned = stored_task(uow_factory)
    assert planned.next_reminder_at is not None
    clock.set(planned.next_reminder_at)
    scheduler(uow_factory, clock).tick()
    reminder = deliver_to(fake_discord, deliverer, ALICE)
    assert "Reminder" in shown(reminder) and "board deck" in shown(reminder)
    assert {"Done", "Snooze"} <= set(buttons(reminder))


def test_the_morning_digest_is_a_dm(discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer,
                                    clock: FixedClock, uow_factory: SqlUnitOfWorkFactory) -> None:
    request_to_bob(fake_discord, deliverer)
    seen = len(fake_discord.dms(BOB))
    scheduler(uow_factory, clock).tick()  # plans each person's next digest
    clock.set(clock.now() + timedelta(days=1) - timedelta(hours=1))  # Tuesday 09:00 in Berlin
    scheduler(uow_factory, clock).tick()
    def digests() -> list[Json]:
        deliverer.run_once()
        return [m for m in fake_discord.dms(BOB)[seen:] if "Your digest" in shown(m)]

    assert "Q3 report" in shown(until(digests, what="the digest")[0])
