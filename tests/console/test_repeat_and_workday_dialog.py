"""Dialogs about a repeat set on an existing task, and dates read in the speaker's working hours in every command."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_repeat_with_a_time_keeps_the_time(chat: ChatHarness) -> None:
    chat.say("@alice: /task add write the stand-up notes by friday")
    assert "T-1 repeats every weekday at 9:15;" in chat.reply("@alice: /task repeat T-1 every weekday at 9:15")
    shown = chat.say("@alice: /task show T-1")[0].card
    assert shown is not None and ("Repeats", "every weekday at 9:15") in shown.fields
    assert "Fri 27 Mar 09:15" in chat.reply("@alice: /task show T-1")
    chat.say("@alice: /task done T-1")
    assert "Mon 30 Mar 09:15" in chat.reply("@alice: /task show T-2")


def test_every_8_hours_on_a_task_due_on_a_day_starts_at_the_working_day(chat: ChatHarness) -> None:
    chat.say("@alice: /task settings hours 08:00-16:00")
    chat.say("@alice: /task add check the queue by friday")
    assert "T-1 repeats every 8 hours;" in chat.reply("@alice: /task repeat T-1 every 8 hours")
    assert "Fri 27 Mar 08:00" in chat.reply("@alice: /task show T-1")
    chat.say("@alice: /task done T-1")
    assert "Fri 27 Mar 16:00" in chat.reply("@alice: /task show T-2")


def test_every_8_hours_when_the_days_start_is_gone_begins_8_hours_from_now(chat: ChatHarness) -> None:
    chat.say("@alice: /task add check the queue today")
    chat.reply("@alice: /task repeat T-1 every 8 hours")
    assert "Fri 27 Mar 01:30" in chat.reply("@alice: /task show T-1")


def test_due_and_snooze_read_end_of_day_in_the_speakers_hours(chat: ChatHarness) -> None:
    chat.say("@alice: /task settings hours 08:00-16:00")
    chat.say("@alice: /task add check the backups")
    assert "Fri 27 Mar 16:00" in chat.reply("@alice: /task due T-1 EOD tomorrow")
    assert "16:00" in chat.reply("@alice: /task snooze T-1 end of day tomorrow")


def test_propose_and_accept_read_end_of_day_in_the_owners_hours(chat: ChatHarness) -> None:
    chat.say("@bob: /task settings hours 08:00-16:00")
    chat.say("@alice: /task add @bob book the venue by friday")
    assert "Proposed Mon 30 Mar 16:00" in chat.reply("@bob: /task propose T-1 end of day monday")
    chat.say("@alice: /task add @bob update the wiki")
    assert "due Fri 27 Mar 16:00" in chat.reply("@bob: /task accept T-2 EOD tomorrow")
