"""`/task <request>`: words that start with no command are a request, shown back on a card before anything is made."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_request_after_task_gets_a_card_and_create_asks_the_owner(chat: ChatHarness) -> None:
    card = chat.say("@alice: /task @bob send the report by Friday")
    assert len(card) == 1 and card[0].text == "Here's what I understood. Create it?"
    assert card[0].card is not None and card[0].card.heading == "send the report"
    assert ("Owner", "@bob") in card[0].card.fields and ("Due", "Fri 27 Mar") in card[0].card.fields
    assert "nothing here" in chat.reply("@bob: /task list inbox")
    created = chat.say(f"@alice: {card[0].actions[0].command}")
    assert "Created T-1 send the report for @bob" in created[0].text
    assert any(m.to == "@bob" and "@alice asks you: T-1 send the report" in m.text for m in created)


def test_a_first_word_one_typo_from_a_command_is_asked_about(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task acept T-1")
    assert "Did you mean /task accept?" in answer and "/task add acept T-1" in answer
    assert "Did you mean /task done?" in chat.reply("@alice: /task dnoe T-1")


def test_an_ordinary_first_word_is_read_as_a_request(chat: ChatHarness) -> None:
    card = chat.say("@alice: /task water the plants every monday")[0]
    assert card.card is not None and card.card.heading == "water the plants"
    assert [a.label for a in card.actions] == ["Create", "Edit", "Cancel"]
