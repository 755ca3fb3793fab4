"""/task on Discord: deferred at once, answered with a follow-up; autocomplete; the time zone question."""
from __future__ import annotations

from core.people import Person
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, GENERAL, GUILD, GUS, THREAD
from tests.discord.flows import answer, click, is_ephemeral, settings, shown, task
from tests.discord.test_negotiation import mention_in_thread
from tests.fakediscord import FakeDiscord

DEFERRED = 5


def person(uow_factory: SqlUnitOfWorkFactory, user: str) -> Person:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("discord", GUILD)
        assert workspace is not None
        found = uow.people.by_identity(workspace.id or 0, "discord", user)
    assert found is not None
    return found


def test_the_commands_are_a_task_group_and_a_message_menu(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    commands = {c["name"]: c for c in fake_discord.commands()}
    assert commands["Make it a task"]["type"] == 3
    verbs = {o["name"] for o in commands["task"]["options"]}
    assert {"add", "list", "accept", "propose", "decline", "done", "snooze", "settings", "help"} <= verbs
    assert len(verbs) <= 25


def test_add_is_deferred_then_answered_in_the_channel(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                      uow_factory: SqlUnitOfWorkFactory) -> None:
    it = task(fake_discord, ALICE, "add", text="prepare the board deck by tomorrow 17:00")
    kind, _data = it.wait_response()
    assert kind == DEFERRED
    reply = answer(it)
    assert "T-1" in shown(reply) and "board deck" in shown(reply)
    assert not is_ephemeral(it.wait_original())
    assert person(uow_factory, ALICE).handle == "alice"


def test_the_first_request_asks_for_the_time_zone_once_privately(discord_bot: RunningBot,
                                                                  fake_discord: FakeDiscord) -> None:
    first = task(fake_discord, ALICE, "add", text="water the plants")
    first.wait(lambda it: len(it.followups) == 2)
    added, question = first.followups
    assert "time zone" not in shown(added) and not is_ephemeral(added)
    assert "Europe/Berlin" in shown(question) and "/task settings timezone" in shown(question)
    assert is_ephemeral(question)
    second = task(fake_discord, ALICE, "add", text="feed the cat")
    answer(second)
    _later = answer(task(fake_discord, ALICE, "list"))  # answered after the second add, so its question would show
    assert len(second.followups) == 1 and "time zone" not in shown(second.followups[0])


def test_a_mistake_is_explained_to_the_speaker_only(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    it = task(fake_discord, ALICE, "done", task="T-99")
    reply = answer(it)
    assert is_ephemeral(it.wait_original()) or is_ephemeral(reply)
    assert "T-99" in shown(reply) and "Traceback" not in shown(reply)


def test_a_failed_public_command_leaves_nothing_in_the_channel(discord_bot: RunningBot,
                                                               fake_discord: FakeDiscord) -> None:
    it = task(fake_discord, ALICE, "add", text="   ")
    reply = answer(it)
    assert is_ephemeral(reply) and "What needs doing" in shown(reply)


def test_task_autocomplete_offers_what_the_person_may_see(discord_bot: RunningBot, fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "add", text="send the Q3 report by friday"))
    typed = fake_discord.autocomplete(GUILD, GENERAL, ALICE, "task", [
        {"type": 1, "name": "done", "options": [{"type": 3, "name": "task", "value": "Q3"}]}], focused="task")
    typed.wait_response()
    assert typed.choices == [{"name": "T-1 · send the Q3 report", "value": "T-1"}]
    guest = fake_discord.autocomplete(GUILD, GENERAL, GUS, "task", [
        {"type": 1, "name": "done", "options": [{"type": 3, "name": "task", "value": "Q3"}]}], focused="task")
    guest.wait_response()
    assert guest.choices == []


def test_time_zones_are_offered_and_set(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                        uow_factory: SqlUnitOfWorkFactory) -> None:
    typed = fake_discord.autocomplete(GUILD, GENERAL, ALICE, "task", [
        {"type": 2, "name": "settings", "options": [
            {"type": 1, "name": "timezone", "options": [{"type": 3, "name": "zone", "value": "new_y"}]}]}],
        focused="zone")
    typed.wait_response()
    assert {"name": "America/New_York", "value": "America/New_York"} in (typed.choices or [])
    reply = answer(settings(fake_discord, ALICE, "timezone", zone="America/New_York"))
    assert "America/New_York" in shown(reply)
    assert person(uow_factory, ALICE).tz == "America/New_York"
    later = answer(task(fake_discord, ALICE, "add", text="water the plants"))
    assert "Discord doesn't tell me your time zone" not in shown(later)


def test_people_are_suggested_as_you_type_but_not_to_guests(discord_bot: RunningBot,
                                                            fake_discord: FakeDiscord) -> None:
    for user in (ALICE, GUS):
        answer(task(fake_discord, user, "list"))  # both have used Tandem, so it knows them

    def offered(user: str, typed: str) -> list[str]:
        it = fake_discord.autocomplete(GUILD, GENERAL, user, "task", [{"type": 1, "name": "rotate", "options": [
            {"type": 3, "name": "task", "value": "T-1"}, {"type": 3, "name": "people", "value": typed}]}],
            focused="people")
        it.wait_response()
        return [c["value"] for c in it.choices or []]

    assert offered(ALICE, "@gus @al") == ["@gus @alice"]
    assert offered(GUS, "@al") == []


def test_the_time_zone_hint_after_a_request_said_to_the_bot_is_private(discord_bot: RunningBot,
                                                                       fake_discord: FakeDiscord) -> None:
    card = mention_in_thread(fake_discord)
    assert "time zone" not in shown(card), "the draft card in the thread says nothing about anyone's zone"
    created = click(fake_discord, card, "Create", ALICE)
    created.wait(lambda it: bool(it.followups))
    hint = created.followups[0]
    assert is_ephemeral(hint) and "Europe/Berlin" in shown(hint)
    assert not any("time zone" in shown(m) for m in fake_discord.messages(THREAD))
