"""Follow-through: a request asked in a conversation hears its answers there, where everyone there may see it."""
from __future__ import annotations

import pytest

from adapters.console.render import BotMessage
from storage.uow import SqlUnitOfWorkFactory
from tests.console.conftest import THURSDAY_EVENING
from tests.harness import ChatHarness


def _thread_lines(messages: list[BotMessage]) -> list[str]:
    return [m.as_text() for m in messages if m.thread and m.to is None]


def _ask(chat: ChatHarness, who: str, request: str) -> None:
    chat.choose(f"@{who}: @tandem can {request}", "Create")


def test_answers_to_a_request_are_posted_in_its_thread(chat: ChatHarness) -> None:
    _ask(chat, "alice", "@bob send the Q3 report by friday")
    accepted = _thread_lines(chat.say("@bob: /task accept T-1"))
    assert accepted == ["tandem [#console thread]: @bob accepted T-1 send the Q3 report, due Fri 27 Mar."]
    done = _thread_lines(chat.say("@bob: /task done T-1 sent to the board"))
    assert done == ["tandem [#console thread]: @bob completed T-1 send the Q3 report. Note: sent to the board"]


def test_a_declined_request_says_why_in_its_thread(chat: ChatHarness) -> None:
    _ask(chat, "alice", "@bob book the venue by friday")
    declined = _thread_lines(chat.say("@bob: /task decline T-1 I'm away that week"))
    assert declined == ["tandem [#console thread]: @bob declined T-1 book the venue: I'm away that week."]


def test_an_agreed_proposal_and_a_cancel_are_posted_too(chat: ChatHarness) -> None:
    _ask(chat, "alice", "@bob book the venue by friday")
    assert _thread_lines(chat.say("@bob: /task propose T-1 next tuesday")) == []
    agreed = _thread_lines(chat.say("@alice: /task accept T-1"))
    assert agreed == ["tandem [#console thread]: @alice agreed to the proposed date for T-1 book the venue: "
                      "due Tue 31 Mar."]
    cancelled = _thread_lines(chat.say("@alice: /task cancel T-1 the event moved"))
    assert cancelled == ["tandem [#console thread]: @alice cancelled T-1 book the venue. Reason: the event moved"]


@pytest.mark.parametrize("kind", ["private", "thread"])
def test_a_private_room_or_thread_hears_back_only_there(chat: ChatHarness, kind: str) -> None:
    chat.say(":as alice")
    chat.say(f":room #leadership {kind}")
    chat.say(":join @bob")
    _ask(chat, "alice", "@bob prepare the reorg plan by friday")
    lines = [m for m in chat.say("@bob: /task accept T-1") if m.thread]
    assert [m.conversation for m in lines] == ["leadership"]
    chat.say(":room #console")
    assert "I can't find T-1" in chat.reply("@carol: /task show T-1")


def test_a_task_made_private_is_never_posted_in_its_thread(chat: ChatHarness) -> None:
    _ask(chat, "alice", "@bob draft the salary letters by friday")
    chat.say("@alice: /task visibility T-1 private")
    assert _thread_lines(chat.say("@bob: /task accept T-1")) == []
    assert _thread_lines(chat.say("@bob: /task done T-1")) == []


def test_an_admin_turns_thread_updates_off_for_the_workspace(chat: ChatHarness) -> None:
    _ask(chat, "alice", "@bob send the Q3 report by friday")
    assert "Only a workspace admin" in chat.reply("@bob: /task settings thread-updates off")
    chat.say(":as dana admin")
    assert "Thread updates are off" in chat.reply("/task settings thread-updates off")
    assert _thread_lines(chat.say("@bob: /task accept T-1")) == []
    assert "Thread updates are on" in chat.reply("/task settings thread-updates on")
    assert _thread_lines(chat.say("@bob: /task done T-1"))


def test_a_request_made_in_a_dm_gets_no_thread_lines(chat: ChatHarness) -> None:
    drafted = chat.dm("alice", "@bob send the budget by friday")
    chat.say(f"@alice -> tandem: {drafted.actions[0].command}")
    assert _thread_lines(chat.say("@bob: /task accept T-1")) == []
    assert any(m.to == "@alice" and "@bob accepted T-1" in m.text for m in chat.messages)


def test_app_yaml_can_make_thread_updates_off_until_an_admin_turns_them_on(uow_factory: SqlUnitOfWorkFactory) -> None:
    chat = ChatHarness(uow_factory, THURSDAY_EVENING, thread_updates=False)
    for name in ("alice", "bob"):
        chat.say(f"@{name}: hello")
    _ask(chat, "alice", "@bob send the Q3 report by friday")
    assert _thread_lines(chat.say("@bob: /task accept T-1")) == []
    chat.say(":as dana admin")
    chat.say("/task settings thread-updates on")
    assert _thread_lines(chat.say("@bob: /task done T-1"))
