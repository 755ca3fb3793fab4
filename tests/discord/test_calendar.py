"""/task settings calendar on Discord: the private address, only to the person who asked, and reset."""
from __future__ import annotations

import re

from bot.metrics.prometheus import PrometheusObserver
from core.bus import Bus
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, GENERAL, GUILD
from tests.discord.flows import answer, is_ephemeral, shown
from tests.fakediscord import FakeDiscord
from tests.fakediscord.records import Interaction

ADDRESS = re.compile(r"/calendar/([A-Za-z0-9_-]{43})\.ics")


def _calendar(fake: FakeDiscord, reset: bool | None = None) -> Interaction:
    given = [] if reset is None else [{"type": 5, "name": "reset", "value": reset}]
    return fake.slash(GUILD, GENERAL, ALICE, "task",
                      [{"type": 2, "name": "settings", "options": [{"type": 1, "name": "calendar", "options": given}]}])


def test_the_calendar_address_is_shown_only_to_its_owner_and_reset_gives_a_new_one(
        bus: Bus, discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    observer = bus.observer = PrometheusObserver()
    first = answer(_calendar(fake_discord))
    assert is_ephemeral(first)
    token = ADDRESS.search(shown(first))
    assert token is not None
    again = answer(_calendar(fake_discord, reset=False))
    assert ADDRESS.search(shown(again)) is None and "/task calendar reset" in shown(again)
    renewed = answer(_calendar(fake_discord, reset=True))
    new = ADDRESS.search(shown(renewed))
    assert is_ephemeral(renewed) and new is not None and new.group(1) != token.group(1)
    ok = observer.registry.get_sample_value("tandem_commands_total", {"verb": "CalendarLink", "outcome": "ok"})
    assert ok == 3
    acknowledged = observer.registry.get_sample_value("tandem_ack_seconds_count", {"platform": "discord"})
    waited = observer.registry.get_sample_value("tandem_ack_seconds_sum", {"platform": "discord"})
    assert acknowledged == 3 and waited is not None and 0 <= waited < 90  # from the interaction's own timestamp
