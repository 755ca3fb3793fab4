"""Channel reminders on Discord: /task remind with a channel option, refused where the person can't view, posted
in the channel by the scheduler and the deliverer."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD
from tests.discord.flows import answer, is_ephemeral, settings, shown, until
from tests.discord.test_scheduled import scheduler
from tests.fakediscord import FakeDiscord

Json = dict[str, Any]
HR, HR_ROLE = "900000000000000110", "900000000000000070"
VIEW_CHANNEL = str(1 << 10)


def _remind(fake: FakeDiscord, user: str, what: str, channel: str | None = None) -> Json:
    options: list[Json] = [{"type": 3, "name": "what", "value": what}]
    if channel:
        options.append({"type": 7, "name": "channel", "value": channel})
    return answer(fake.slash(GUILD, GENERAL, user, "task", [{"type": 1, "name": "remind", "options": options}]))


def test_a_reminder_is_posted_in_the_channel_and_refused_where_the_person_cant_view(
        discord_bot: RunningBot, fake_discord: FakeDiscord, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    fake_discord.add_role(GUILD, HR_ROLE, "HR")
    fake_discord.set_roles(GUILD, ALICE, [HR_ROLE])
    fake_discord.add_channel(GUILD, HR, "hr", overwrites=[
        {"id": GUILD, "type": 0, "allow": "0", "deny": VIEW_CHANNEL},
        {"id": HR_ROLE, "type": 0, "allow": VIEW_CHANNEL, "deny": "0"}])
    refused = _remind(fake_discord, BOB, "pay day every day at 11", HR)
    assert is_ephemeral(refused) and "both you and I are in" in shown(refused)
    said = _remind(fake_discord, ALICE, "pay day every day at 11", HR)
    assert 'R-1: I\'ll post "pay day" in #' in shown(said) and "Mon 2 Mar 11:00, then every day" in shown(said)
    here = _remind(fake_discord, BOB, "stand-up tomorrow at 10")
    assert 'R-2: I\'ll post "stand-up" here on Tue 3 Mar 10:00.' in shown(here)

    clock.set(clock.now() + timedelta(hours=1))
    scheduler(uow_factory, clock).tick()

    def posted() -> list[Json]:
        deliverer.run_once()
        return [m for m in fake_discord.messages(HR) if "Reminder from" in shown(m)]
    assert [shown(m) for m in until(posted, what="the reminder in #hr")] == ["Reminder from @alice: pay day"]
    assert "R-1" in shown(_remind(fake_discord, ALICE, "list", HR))
    assert "Cancelled R-1" in shown(_remind(fake_discord, ALICE, "cancel R-1"))


def test_notices_are_set_under_settings(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    said = answer(settings(fake_discord, ALICE, "notices", how="every 2h"))
    assert is_ephemeral(said) and "at most every 2 hours" in shown(said)
