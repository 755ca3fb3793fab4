"""Dialogs about asking a group: an open request in the room that the first member to claim takes."""
from __future__ import annotations

from tests.harness import ChatHarness


def _group(chat: ChatHarness) -> None:
    chat.say("@dave: hello")
    assert chat.reply(":group design bob carol") == "tandem: Group @design: @bob, @carol."


def test_a_request_to_a_group_is_posted_open_in_the_room_for_any_member_to_claim(chat: ChatHarness) -> None:
    _group(chat)
    draft = chat.reply("@alice: @tandem can someone from @design review the mockups by Friday?")
    assert "Asked of: anyone in @design" in draft and "review the mockups" in draft
    said = chat.choose("@alice: @tandem can someone from @design review the mockups by Friday?", "Create")
    assert said[0].text.startswith("Asked @design for T-1 review the mockups; the first of them to claim it")
    posted = [m for m in said[1:] if m.to is None and m.conversation == "console"]
    assert posted and "Anyone in @design can take it" in posted[0].text
    assert [a.command for a in posted[0].actions] == ["/task claim T-1"]
    assert posted[0].card is not None and ("Owner", "anyone in @design (open)") in posted[0].card.fields


def test_the_first_claim_wins_and_the_requester_is_told_who_took_it(chat: ChatHarness) -> None:
    _group(chat)
    chat.say("@alice: /task add someone from @design review the mockups by friday")
    took = chat.say("@bob: /task claim T-1")
    assert took[0].text.startswith("You took T-1 review the mockups, due Fri 27 Mar")
    assert [m.text for m in took if m.to == "@alice"] == ["@bob took T-1 review the mockups (asked of @design)."]
    late = chat.reply("@carol: /task claim T-1")
    assert "@bob already took T-1 review the mockups. Nothing changed." in late
    assert "Owner: @bob" in chat.reply("@alice: /task show T-1")
    assert "You already have T-1." in chat.reply("@bob: /task claim T-1")


def test_only_members_of_the_group_can_claim(chat: ChatHarness) -> None:
    _group(chat)
    chat.say("@alice: /task add someone from @design review the mockups by friday")
    assert "Only members of @design can claim T-1." in chat.reply("@dave: /task claim T-1")
    assert "Owner: @alice" in chat.reply("@alice: /task show T-1")


def test_a_task_asked_of_one_person_has_nothing_to_claim(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    assert "T-1 wasn't asked of a group, so there is nothing to claim." in chat.reply("@bob: /task claim T-1")


def test_a_claimed_request_without_a_date_asks_the_taker_for_one(chat: ChatHarness) -> None:
    _group(chat)
    chat.say("@alice: /task add someone from @design review the mockups")
    assert "By when can you do it?" in chat.reply("@bob: /task claim T-1")
    assert "You committed to T-1" in chat.reply("@bob: /task accept T-1 next friday")


def test_round_robin_hands_requests_out_in_turn_skipping_people_away(chat: ChatHarness) -> None:
    _group(chat)
    assert "now gets requests in turn" in chat.reply("@alice: /task settings intake @design round-robin")
    first = chat.say("@alice: /task add someone from @design review the mockups by friday")
    assert "it's @bob's turn" in first[0].text
    assert any(m.to == "@bob" and "asks you: T-1" in m.text for m in first)
    assert "it's @carol's turn" in chat.reply("@alice: /task add someone from @design check the icons by friday")
    chat.say("@carol: /task away until 2026-04-30")
    assert "it's @bob's turn" in chat.reply("@alice: /task add someone from @design fix the logo by friday")
    assert "Members: @bob, @carol" in chat.reply("@alice: /task settings intake @design")


def test_joining_and_leaving_a_groups_intake(chat: ChatHarness) -> None:
    _group(chat)
    assert "You joined @design's intake" in chat.reply("@dave: /task intake @design join")
    chat.say("@alice: /task add someone from @design review the mockups by friday")
    assert "You took T-1" in chat.reply("@dave: /task claim T-1")
    assert "You left @design's intake." in chat.reply("@dave: /task settings intake @design leave")
    assert "I don't know a group called @sales" in chat.reply("@dave: /task settings intake @sales join")


def test_an_unclaimed_request_nudges_the_group_in_the_room_then_tells_the_requester(chat: ChatHarness) -> None:
    _group(chat)
    chat.say("@alice: /task add someone from @design review the mockups by friday")
    nudges = [m for m in chat.say(":advance 1d") if m.to is None and m.text.startswith("Still open for @design")]
    assert [(m.fired, m.conversation) for m in nudges] == [("Fri 27 Mar 13:00", "console"),
                                                           ("Fri 27 Mar 17:00", "console")]
    assert "T-1 review the mockups (due Fri 27 Mar), asked by @alice on Thu 26 Mar." in nudges[0].text
    assert [a.command for a in nudges[0].actions] == ["/task claim T-1"]
    later = chat.say(":advance 3d")
    assert not [m for m in later if m.text.startswith("Still open for @design")]
    told = [m.text for m in later if m.to == "@alice" and m.text.startswith("Nobody in @design")]
    assert told == ["Nobody in @design has claimed T-1 review the mockups after 2 reminders. Ask someone directly "
                    "(/task assign T-1 @name), change the date, or cancel it."]
    assert not [m for m in chat.say(":advance 7d") if "@design" in m.text]


def test_a_claimed_request_is_not_followed_up_as_a_group_request(chat: ChatHarness) -> None:
    _group(chat)
    chat.say("@alice: /task add someone from @design review the mockups by friday")
    chat.say("@bob: /task claim T-1")
    assert not [m for m in chat.say(":advance 7d") if "Still open for @design" in m.text or "Nobody in" in m.text]
