"""Request cards keep their numbers; a parent with open subtasks asks before it is done; subtasks join its project."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_draft_numbers_are_never_given_out_twice(chat: ChatHarness) -> None:
    first = chat.say("@alice: @tandem @bob fix the login page by monday")[0]
    chat.say(f"@alice: {first.actions[2].command}")
    second = chat.say("@alice: @tandem @bob fix the signup page by monday")[0]
    assert second.actions[0].command == "/task confirm 2"
    assert "already created or cancelled" in chat.reply("@alice: /task confirm 1")


def test_confirming_a_card_that_does_not_exist_says_so(chat: ChatHarness) -> None:
    assert "There is no request card 42 here" in chat.reply("@alice: /task confirm 42")


def test_completing_a_parent_with_open_subtasks_asks_first(chat: ChatHarness) -> None:
    chat.say("@alice: /task add plan the offsite by friday")
    chat.say("@alice: /task add book the venue")
    chat.say("@alice: /task add order the catering")
    chat.say("@alice: /task edit T-2 parent T-1")
    chat.say("@alice: /task edit T-3 parent T-1")
    asked = chat.say("@alice: /task done T-1 all booked")[0]
    assert asked.text == ("T-1 plan the offsite has 2 open subtasks (T-2, T-3). "
                          "Complete them too, keep them open, or cancel?")
    assert [(a.label, a.command) for a in asked.actions] == [
        ("Complete them too", "/task done T-1 --all all booked"),
        ("Keep them open", "/task done T-1 --keep all booked"), ("Cancel", "/task show T-1")]
    assert "T-1 plan the offsite" in chat.reply("@alice: /task list mine")
    done = chat.reply(f"@alice: {asked.actions[0].command}")
    assert "Done: T-1 plan the offsite. Nice work. Its subtasks T-2, T-3 are done too." in done
    assert "nothing here" in chat.reply("@alice: /task list mine")
    assert "@alice completed all booked" in chat.reply("@alice: /task show T-1")


def test_keeping_the_subtasks_open_completes_only_the_parent(chat: ChatHarness) -> None:
    chat.say("@alice: /task add plan the offsite by friday")
    chat.say("@alice: /task add book the venue")
    chat.say("@alice: /task edit T-2 parent T-1")
    assert "Its subtasks T-2 stay open." in chat.reply("@alice: /task done T-1 --keep")
    assert "T-2 book the venue" in chat.reply("@alice: /task list mine")


def test_a_subtask_joins_its_parents_project(chat: ChatHarness) -> None:
    chat.say("@alice: /task add plan the offsite by friday #offsite")
    chat.say("@alice: /task add book the venue")
    chat.say("@alice: /task edit T-2 parent T-1")
    assert "T-2 book the venue" in chat.reply("@alice: /task list project offsite")
