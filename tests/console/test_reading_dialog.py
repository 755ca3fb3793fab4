"""Dialogs about what the reader made of a request: words it could not read as a date, working hours."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_date_that_does_not_exist_is_named_with_how_to_set_the_date(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task add @bob file the taxes by April 31")
    assert "Created T-1 file the taxes by April 31" in answer
    assert "couldn't read 'April 31' as a date" in answer and "/task due T-1 <date>" in answer
    assert "no due date" in chat.reply("@alice: /task show T-1").lower()


def test_the_request_card_names_an_ambiguous_date_before_anything_is_created(chat: ChatHarness) -> None:
    card = chat.say("@alice: @tandem @bob pay the invoice on 3/4")[0].as_text()
    assert "couldn't read '3/4' as a date" in card and "/task due T-n <date>" in card


def test_a_readable_request_gets_no_note(chat: ChatHarness) -> None:
    assert "couldn't read" not in chat.reply("@alice: /task add @bob send the report by friday")


def test_end_of_day_is_the_end_of_the_speakers_working_hours(chat: ChatHarness) -> None:
    chat.say("@alice: /task settings hours 08:00-16:00")
    answer = chat.reply("@alice: /task add check the backups end of day tomorrow")
    assert "16:00" in answer and "Fri 27 Mar" in answer
