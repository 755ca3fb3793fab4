"""Dialogs about the heart of Tandem: ask, propose another date, accept, complete."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_task_for_yourself_is_committed_at_once(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task add water the plants by friday")
    assert "Created T-1 water the plants" in answer
    assert "It's yours" in answer
    assert "T-1 water the plants · @alice · due Fri 27 Mar · open" in chat.reply("@alice: /task list mine")


def test_ask_propose_accept_done_with_the_requester_told_at_each_step(chat: ChatHarness) -> None:
    created = chat.say("@alice: /task add @bob send the Q3 report by friday")
    assert "I've asked @bob to accept" in created[0].text
    request = [m for m in created if m.to == "@bob"]
    assert len(request) == 1 and "@alice asks you: T-1 send the Q3 report" in request[0].text
    assert [a.verb for a in request[0].actions] == ["accept", "commit", "decline"]

    assert "T-1" in chat.reply("@bob: /task list inbox")
    proposed = chat.say("@bob: /task propose T-1 next tuesday Need the numbers from finance first")
    assert "Proposed Tue 31 Mar for T-1 (asked: Fri 27 Mar)" in proposed[0].text
    to_alice = [m for m in proposed if m.to == "@alice"][0]
    assert "@bob proposes Tue 31 Mar for T-1 send the Q3 report (was Fri 27 Mar)" in to_alice.text
    assert "Need the numbers from finance first" in to_alice.text
    assert to_alice.actions[0].label == "Accept Tue 31 Mar"

    agreed = chat.say("@alice: /task accept T-1")
    assert "Agreed: T-1 send the Q3 report is due Tue 31 Mar" in agreed[0].text
    assert any(m.to == "@bob" and "It's agreed" in m.text for m in agreed)

    done = chat.say("@bob: /task done T-1")
    assert done[0].text.startswith("Done: T-1")
    assert any(m.to == "@alice" and "@bob completed T-1 send the Q3 report" in m.text for m in done)
    assert "nothing here" in chat.reply("@alice: /task list waiting")


def test_the_owner_can_accept_the_requested_date(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by 2026-04-10")
    messages = chat.say("@bob: /task accept T-1")
    assert "You committed to T-1 book the venue, due Fri 10 Apr" in messages[0].text
    assert any(m.to == "@alice" and "@bob accepted T-1" in m.text for m in messages)
    assert "committed" in chat.reply("@alice: /task list waiting")


def test_a_requester_can_counter_a_proposal_and_the_owner_accepts_it(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob draft the budget by friday")
    chat.say("@bob: /task propose T-1 2026-04-15")
    countered = chat.say("@alice: /task propose T-1 2026-04-08")
    assert any(m.to == "@bob" and "suggests Wed 8 Apr" in m.text for m in countered)
    assert "You committed to T-1 draft the budget, due Wed 8 Apr" in chat.reply("@bob: /task accept T-1")


def test_declining_needs_a_reason_and_tells_the_requester_what_next(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob redo the logo by monday")
    assert "Please give a reason" in chat.reply("@bob: /task decline T-1")
    messages = chat.say("@bob: /task decline T-1 I'm on leave next week")
    to_alice = [m for m in messages if m.to == "@alice"][0]
    assert "@bob declined T-1 redo the logo: I'm on leave next week" in to_alice.text
    assert "/task assign T-1 @name" in to_alice.text
    assert "declined" in chat.reply("@alice: /task show T-1")


def test_reassigning_asks_the_new_owner_and_keeps_the_requester_informed(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob redo the logo by monday")
    chat.say("@bob: /task decline T-1 on leave")
    messages = chat.say("@alice: /task assign T-1 @carol")
    assert "T-1 now belongs to @carol" in messages[0].text
    assert any(m.to == "@carol" and "@alice asks you: T-1" in m.text for m in messages)
    assert any(m.to == "@bob" and "gave T-1 redo the logo to @carol" in m.text for m in messages)


def test_only_the_owner_answers_a_request(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob redo the logo by monday")
    assert "waiting for its owner's answer" in chat.reply("@alice: /task accept T-1")
    assert "Only the owner of T-1" in chat.reply("@carol: /task decline T-1 not mine")


def test_show_lists_comments_and_every_step_of_the_history(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    chat.say("@bob: /task comment T-1 Started on the numbers")
    chat.say("@bob: /task accept T-1")
    shown = chat.reply("@alice: /task show T-1")
    assert "@bob: Started on the numbers" in shown
    assert "@alice asked @bob, due Fri 27 Mar" in shown
    assert "@bob accepted, due Fri 27 Mar" in shown


def test_undo_withdraws_a_task_just_created(chat: ChatHarness) -> None:
    created = chat.say("@alice: /task add @bob call the printer tomorrow")
    assert created[0].actions[0].command == "/task undo T-1"
    undone = chat.say("@alice: /task undo T-1")
    assert "withdrawn" in undone[0].text
    assert any(m.to == "@bob" and "withdrew T-1" in m.text for m in undone)
    assert "nothing here" in chat.reply("@bob: /task list mine")
