"""Discord: the language an interaction carries (the person's Discord language) is the language of the answer."""
from __future__ import annotations

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import answer, buttons, shown, task
from tests.fakediscord import FakeDiscord


def test_a_person_whose_discord_speaks_german_is_answered_in_german(discord_bot: RunningBot,
                                                                   fake_discord: FakeDiscord) -> None:
    fake_discord.set_locale(ALICE, "de")
    message = answer(task(fake_discord, ALICE, "add", text="Pflanzen gießen am 2026-03-06"))
    assert "T-1 Pflanzen gießen angelegt, fällig Fr., 6. März. Sie gehört dir." in shown(message)
    assert "Verantwortlich: @alice" in shown(message) and "Rückgängig" in buttons(message)

    other = shown(answer(task(fake_discord, BOB, "add", text="water the plants on 2026-03-06")))
    assert "Created T-2 water the plants, due Fri 6 Mar. It's yours." in other
