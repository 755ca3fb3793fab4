"""Dialogs where the owner answers a request with their own date: a commitment, or a proposal to settle."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_request_without_a_date_asks_the_owner_by_when(chat: ChatHarness) -> None:
    created = chat.say("@alice: /task add @bob update the wiki")
    assert "Created T-1 update the wiki for @bob, no due date yet. I've asked @bob by when" in created[0].text
    to_bob = [m for m in created if m.to == "@bob"][0]
    assert "(no due date yet). By when can you do it?" in to_bob.text
    assert [(a.label, a.command) for a in to_bob.actions] == [
        ("Accept with my date", "/task accept T-1 <your date> [note]"), ("Decline", "/task decline T-1 <reason>")]
    assert "By when can you do it? Answer with your date: /task accept T-1" in chat.reply("@bob: /task accept T-1")


def test_the_owners_date_is_the_commitment_when_none_was_asked(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob update the wiki")
    answered = chat.say("@bob: /task accept T-1 next wednesday")
    assert answered[0].text == "You committed to T-1 update the wiki, due Wed 1 Apr."
    assert any(m.to == "@alice" and "@bob committed to T-1 update the wiki, due Wed 1 Apr." in m.text
               for m in answered)
    shown = chat.reply("@alice: /task show T-1")
    assert "Due: Wed 1 Apr" in shown and "State: committed" in shown
    assert "@bob committed to due Wed 1 Apr" in shown


def test_the_asked_date_said_again_is_an_acceptance(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    answered = chat.say("@bob: /task accept T-1 friday")
    assert answered[0].text == "You committed to T-1 book the venue, due Fri 27 Mar."
    assert any(m.to == "@alice" and "@bob accepted T-1 book the venue, due Fri 27 Mar." in m.text for m in answered)


def test_another_date_than_asked_is_a_proposal_the_requester_settles(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    answered = chat.say("@bob: /task accept T-1 next tuesday the hall is booked until then")
    assert "Proposed Tue 31 Mar for T-1 (asked: Fri 27 Mar)" in answered[0].text
    to_alice = [m for m in answered if m.to == "@alice"][0]
    assert "@bob proposes Tue 31 Mar for T-1 book the venue (was Fri 27 Mar)" in to_alice.text
    assert "Note: the hall is booked until then" in to_alice.text
    assert [a.label for a in to_alice.actions] == ["Accept Tue 31 Mar", "Counter"]
    assert "Agreed: T-1 book the venue is due Tue 31 Mar" in chat.reply("@alice: /task accept T-1")


def test_the_requester_gives_another_date_with_propose_not_accept(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    chat.say("@bob: /task accept T-1 next tuesday")
    assert "propose it: /task propose T-1 monday" in chat.reply("@alice: /task accept T-1 monday")


def test_a_date_that_cannot_be_read_changes_nothing(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob update the wiki")
    assert "couldn't read" in chat.reply("@bob: /task accept T-1 whenever I feel like it")
    assert "waiting for an answer" in chat.reply("@alice: /task show T-1")


def test_moving_a_waiting_request_tells_the_owner_with_a_card_of_the_new_date(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    moved = chat.say("@alice: /task due T-1 next tuesday")
    to_bob = [m for m in moved if m.to == "@bob"]
    assert len(to_bob) == 1 and "@alice moved T-1 book the venue to Tue 31 Mar" in to_bob[0].text
    assert to_bob[0].card is not None and ("Due", "Tue 31 Mar") in to_bob[0].card.fields
    assert [a.verb for a in to_bob[0].actions] == ["accept", "commit", "decline"]


def test_giving_a_waiting_request_to_someone_else_tells_both_owners(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    moved = chat.say("@alice: /task assign T-1 @carol")
    assert any(m.to == "@carol" and "@alice asks you: T-1 book the venue (due Fri 27 Mar)" in m.text for m in moved)
    to_bob = [m for m in moved if m.to == "@bob"][0]
    assert "gave T-1 book the venue to @carol" in to_bob.text and to_bob.card is not None
    assert ("Owner", "@carol") in to_bob.card.fields and to_bob.actions == ()
    assert "Only the owner of T-1" in chat.reply("@bob: /task accept T-1")
