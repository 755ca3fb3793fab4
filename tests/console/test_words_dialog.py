"""Words for people: repeats in words, the project on every card, the year before the time, history in the
reader's zone, no reference repeated in a card's title, right plurals."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_repeat_reads_in_words_on_the_card_and_in_the_reply(chat: ChatHarness) -> None:
    card = chat.say("@alice: @tandem water the plants every other monday")[0]
    assert card.card is not None and ("Repeats", "every other Monday") in card.card.fields
    chat.say(f"@alice: {card.actions[0].command}")
    shown = chat.say("@alice: /task show T-1")[0]
    assert shown.card is not None and ("Repeats", "every other Monday") in shown.card.fields
    assert "T-1 repeats every Tuesday and Thursday;" in chat.reply("@alice: /task repeat T-1 every tue and thu")
    chat.say("@alice: /task add write the stand-up notes every weekday at 9:15")
    assert ("Repeats", "every weekday at 9:15") in (chat.say("@alice: /task show T-2")[0].card or ()).fields
    assert "FREQ" not in "".join(m.as_text() for m in chat.messages)


def test_every_task_card_names_its_project_and_no_title_repeats_the_reference(chat: ChatHarness) -> None:
    chat.say("@alice: /task add book the venue by friday #offsite")
    chat.say("@alice: /task add renew my badge")
    with_project = chat.say("@alice: /task show T-1")[0].card
    without = chat.say("@alice: /task show T-2")[0].card
    assert with_project is not None and without is not None
    assert ("Project", "#offsite") in with_project.fields and ("Project", "none") in without.fields
    assert (with_project.heading, with_project.ref) == ("book the venue", "T-1")
    assert "┌ T-1 book the venue" in chat.reply("@alice: /task show T-1")


def test_the_year_comes_before_the_time_when_it_is_not_this_year(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task add renew the domain by 2027-01-15 10:00")
    assert "due Fri 15 Jan 2027 10:00" in answer


def test_history_times_are_shown_in_the_readers_zone(chat: ChatHarness) -> None:
    chat.say("@nina: hello")
    chat.say("@nina: /task settings tz America/New_York")
    chat.say("@alice: /task add @nina review the contract tomorrow at 15:00")
    assert "@alice asked @nina, due Fri 27 Mar 10:00" in chat.reply("@nina: /task show T-1")
    assert "@alice asked @nina, due Fri 27 Mar 15:00" in chat.reply("@alice: /task show T-1")


def test_a_request_without_a_date_says_no_due_date_yet(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task add @bob tidy the wiki")
    assert "no due date yet" in answer and "due no due date" not in answer
