"""Dialogs where a request is said to the bot in a conversation: a card first, then Create."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_mention_gets_a_card_and_create_asks_the_owner_to_commit(chat: ChatHarness) -> None:
    card = chat.say("@alice: @tandem can @bob send the Q3 report by Friday?")
    assert len(card) == 1 and card[0].to is None
    assert card[0].card is not None and card[0].card.heading == "send the Q3 report"
    assert ("Owner", "@bob") in card[0].card.fields
    assert ("Due", "Fri 27 Mar") in card[0].card.fields
    assert [a.label for a in card[0].actions] == ["Create", "Edit", "Cancel"]
    assert "nothing here" in chat.reply("@bob: /task list inbox")

    created = chat.say(f"@alice: {card[0].actions[0].command}")
    assert "Created T-1 send the Q3 report for @bob" in created[0].text
    assert any(m.to == "@bob" and [a.verb for a in m.actions] == ["accept", "commit", "decline"] for m in created)


def test_edit_rereads_the_request_and_cancel_creates_nothing(chat: ChatHarness) -> None:
    card = chat.say("@alice: @tandem @bob fix the login page by monday")[0]
    revised = chat.say("@alice: /task revise 1 @carol fix the login page by tuesday !high")[0]
    assert revised.card is not None and ("Owner", "@carol") in revised.card.fields
    assert ("Priority", "high") in revised.card.fields
    assert "Cancelled. Nothing was created." in chat.reply(f"@alice: {card.actions[2].command}")
    assert "already created or cancelled" in chat.reply("@alice: /task confirm 1")
    assert "nothing here" in chat.reply("@alice: /task list all")


def test_only_the_person_who_asked_can_create_from_the_card(chat: ChatHarness) -> None:
    chat.say("@alice: @tandem @bob fix the login page by monday")
    assert "Only the person who made the request" in chat.reply("@carol: /task confirm 1")


def test_chit_chat_with_the_bot_gets_a_hint_not_a_task(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: thanks @tandem!")
    assert "I read tasks, not chat" in answer
    assert "nothing here" in chat.reply("@alice: /task list all")


def test_a_card_shows_the_due_time_in_both_zones_when_they_differ(chat: ChatHarness) -> None:
    chat.say("@nina: hello")
    chat.say("@nina: /task settings tz America/New_York")
    card = chat.say("@alice: @tandem @nina review the contract tomorrow at 15:00")[0].card
    assert card is not None
    fields = dict(card.fields)
    assert "Fri 27 Mar 10:00" in fields["Due"] and "Fri 27 Mar 15:00" in fields["Due"]
