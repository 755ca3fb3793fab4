"""Discord: the language an interaction carries (the person's Discord language) is the language of the answer."""
from __future__ import annotations

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB
from tests.discord.flows import answer, buttons, settings, shown, task
from tests.fakediscord import FakeDiscord


def test_a_person_whose_discord_speaks_german_is_answered_in_german(discord_bot: RunningBot,
                                                                   fake_discord: FakeDiscord) -> None:
    fake_discord.set_locale(ALICE, "de")
    message = answer(task(fake_discord, ALICE, "add", text="Pflanzen gießen am 2026-03-06"))
    assert "T-1 Pflanzen gießen angelegt, fällig Fr., 6. März. Sie gehört dir." in shown(message)
    assert "Verantwortlich: @alice" in shown(message) and "Rückgängig" in buttons(message)

    other = shown(answer(task(fake_discord, BOB, "add", text="water the plants on 2026-03-06")))
    assert "Created T-2 water the plants, due Fri 6 Mar. It's yours." in other


def test_the_language_chosen_in_settings_wins_over_discords(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    assert "Guardado. Tus ajustes" in shown(answer(settings(fake_discord, BOB, "language", language="es")))
    reply = shown(answer(task(fake_discord, BOB, "add", text="regar las plantas el 2026-03-06")))
    assert "Creada T-1 regar las plantas, vence el vie 6 mar. Es tuya." in reply
    assert "Tandem lleva la cuenta de quién hace qué" in shown(answer(task(fake_discord, BOB, "help")))



def test_command_descriptions_are_in_each_persons_discord_language(discord_bot: RunningBot,
                                                                    fake_discord: FakeDiscord) -> None:
    group = next(c for c in fake_discord.commands() if c["name"] == "task")
    add = next(o for o in group["options"] if o["name"] == "add")
    assert add["description"] == "create a task or ask someone (~2h, ~1d: an optional estimate of the work)"
    assert add["description_localizations"]["de"] == ("eine Aufgabe anlegen oder jemanden bitten (~2h, ~1d: eine "
                                                      "optionale Schätzung des Aufwands)")
    assert add["description_localizations"]["fr"] == ("créer une tâche ou demander à quelqu'un (~2h, ~1d : une "
                                                      "estimation facultative du travail)")
    assert "name_localizations" not in add or not add["name_localizations"]
