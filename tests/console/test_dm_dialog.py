"""DMs to Tandem in plain words: questions answered, plain changes made with Undo, implied ones confirmed."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_dm_asks_what_is_on_my_plate_and_answers_a_request(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    plate = chat.dm("bob", "what's on my plate?")
    assert "T-1 send the Q3 report" in plate.text
    accepted = chat.dm("bob", "accept")
    assert accepted.text == "You committed to T-1 send the Q3 report, due Fri 27 Mar."
    assert any(m.to == "@alice" and "@bob accepted T-1" in m.text for m in chat.messages)


def test_yes_by_another_day_proposes_that_day_to_the_requester(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    answer = chat.dm("bob", "yes, by next Tuesday")
    assert "Proposed Tue 31 Mar for T-1" in answer.text


def test_done_with_a_named_task_is_made_at_once_with_undo(chat: ChatHarness) -> None:
    chat.say("@bob: /task add water the plants by friday")
    done = chat.dm("bob", "done with T-1")
    assert done.text.startswith("Done: T-1 water the plants")
    assert [(a.label, a.command) for a in done.actions] == [("Undo", "/task reopen T-1")]
    assert "Reopened T-1" in chat.dm("bob", done.actions[0].command).text


def test_that_means_the_task_last_named_and_is_confirmed_on_a_card(chat: ChatHarness) -> None:
    chat.say("@bob: /task add water the plants by friday")
    chat.say("@bob: /task add book the venue by monday")
    chat.dm("bob", "show T-1")
    asked = chat.dm("bob", "snooze that 2 hours")
    assert asked.text == "Snooze T-1 water the plants until Thu 26 Mar 19:30?"
    assert [a.label for a in asked.actions] == ["Confirm", "Cancel"]
    assert asked.actions[0].command == "/task snooze T-1 2026-03-26 19:30"
    assert "T-1" in chat.dm("bob", asked.actions[0].command).text


def test_an_implied_task_among_several_is_asked_about(chat: ChatHarness) -> None:
    chat.say("@bob: /task add water the plants by friday")
    chat.say("@bob: /task add book the venue by monday")
    asked = chat.dm("bob", "move it to next friday")
    assert asked.text.startswith("Which task do you mean?")
    assert [a.command for a in asked.actions] == ["/task due T-2 2026-04-03", "/task due T-1 2026-04-03"]


def test_cancelling_is_always_confirmed_and_nothing_changes_before(chat: ChatHarness) -> None:
    chat.say("@bob: /task add water the plants by friday")
    asked = chat.dm("bob", "cancel T-1")
    assert asked.text.startswith("Cancel T-1 water the plants?")
    assert "open" in chat.reply("@bob: /task show T-1")
    assert "Left" not in asked.text and asked.actions[1].command == "/task show T-1"


def test_a_request_in_a_dm_is_shown_back_and_chat_gets_a_hint(chat: ChatHarness) -> None:
    drafted = chat.dm("alice", "@bob send the budget by friday")
    assert drafted.text == "Here's what I understood. Create it?"
    assert "In a DM you can ask me" in chat.dm("alice", "thanks!").text


def test_task_commands_work_in_a_dm_and_others_cannot_see_a_dm_task(chat: ChatHarness) -> None:
    created = chat.dm("alice", "/task add buy a birthday gift for carol by friday")
    assert "Created T-1" in created.text
    assert "I can't find T-1" in chat.reply("@carol: /task show T-1")


def test_a_dm_that_does_not_know_the_task_says_how_to_name_it(chat: ChatHarness) -> None:
    assert "Name it, e.g. done with T-3" in chat.dm("carol", "done").text


def test_yes_from_the_requester_agrees_to_the_proposed_date(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    chat.say("@bob: /task propose T-1 next tuesday")
    assert chat.dm("alice", "yes").text == "Agreed: T-1 send the Q3 report is due Tue 31 Mar."


def test_no_without_a_reason_asks_for_one_and_with_one_declines(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    assert "Tell me why" in chat.dm("bob", "no").text
    assert chat.dm("bob", "no, I'm away that week").text == "Declined T-1. I've told the requester why."


def test_a_dm_cannot_reach_a_task_the_person_may_not_see(chat: ChatHarness) -> None:
    chat.say(":as alice")
    chat.say(":room #hr private")
    chat.say("/task add prepare the salary review by friday")
    assert "I can't find T-1" in chat.dm("carol", "done with T-1").text
    assert "I can't find T-1" in chat.dm("carol", "show T-1").text
