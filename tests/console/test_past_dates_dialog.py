"""Dates already gone are asked about, with the next sensible dates as choices, never taken silently."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness


def test_a_past_date_on_add_asks_and_the_choice_creates_the_task(chat: ChatHarness) -> None:
    asked = chat.say("@alice: /task add @bob send the report by 2026-03-20 !high")
    assert len(asked) == 1
    assert asked[0].text == "That is in the past (Fri 20 Mar): did you mean Sat 20 Mar 2027?"
    assert [(a.label, a.command) for a in asked[0].actions] == [
        ("Yes, Sat 20 Mar 2027", "/task confirm 1 2027-03-20"), ("Today (Thu 26 Mar)", "/task confirm 1 2026-03-26"),
        ("Keep Fri 20 Mar (overdue)", "/task confirm 1 2026-03-20"), ("Cancel", "/task discard 1")]
    assert "nothing here" in chat.reply("@alice: /task list all")
    created = chat.say(f"@alice: {asked[0].actions[1].command}")
    assert "Created T-1 send the report for @bob, due Thu 26 Mar" in created[0].text
    assert "!high" in chat.reply("@alice: /task list waiting")


def test_a_past_time_on_due_offers_the_same_time_tomorrow(chat: ChatHarness) -> None:
    chat.say("@alice: /task add water the plants by friday")
    asked = chat.say("@alice: /task due T-1 today 15:00")[0]
    assert asked.text == "That is in the past (Thu 26 Mar 15:00): did you mean Fri 27 Mar 15:00?"
    assert asked.actions[0].command == "/task due T-1 2026-03-27 15:00"
    assert "T-1 is now due Fri 27 Mar 15:00" in chat.reply(f"@alice: {asked.actions[0].command}")


def test_proposing_or_accepting_a_past_date_asks_too(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue")
    asked = chat.say("@bob: /task accept T-1 2026-03-25 the earliest I can")[0]
    assert asked.text.startswith("That is in the past (Wed 25 Mar)")
    assert asked.actions[1].command == "/task accept T-1 2026-03-26 the earliest I can"
    assert "waiting for an answer" in chat.reply("@alice: /task show T-1")
    assert "That is in the past" in chat.reply("@bob: /task propose T-1 yesterday")


def test_tonight_said_at_half_past_eleven_asks(uow_factory: SqlUnitOfWorkFactory) -> None:
    late = ChatHarness(uow_factory, datetime(2026, 3, 26, 23, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    asked = late.say("@alice: @tandem can @alice call the printer tonight")[0]
    assert asked.text == "That is in the past (Thu 26 Mar 20:00): did you mean Fri 27 Mar 20:00?"
    assert asked.card is not None and asked.card.heading == "call the printer"
    assert "Created T-1 call the printer, due Fri 27 Mar 20:00" in late.reply(f"@alice: {asked.actions[0].command}")
