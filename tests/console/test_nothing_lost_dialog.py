"""Dialogs where people type more than a command takes: nothing is dropped silently, notes are kept."""
from __future__ import annotations

import pytest

from tests.harness import ChatHarness


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/task show T-1 please", "won't ignore 'please'. The form is: /task show T-3"),
        ("/task start T-1 right now", "won't ignore 'right now'"),
        ("/task undo T-1 oops", "won't ignore 'oops'"),
        ("/task watch T-1 closely", "won't ignore 'closely'"),
        ("/task list mine urgent ones", "won't ignore 'urgent ones'"),
        ("/task discard 1 now", "won't ignore 'now'"),
        ("/task project list all of them", "won't ignore 'all of them'"),
        ("/task project status launch today", "won't ignore 'today'"),
        ("/task goal list mine", "won't ignore 'mine'"),
        ("/task help acept", "Did you mean /task help accept?"),
    ],
)
def test_extra_words_are_an_error_that_shows_the_right_form(chat: ChatHarness, line: str, expected: str) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    assert expected in chat.reply(f"@alice: {line}")
    assert "waiting for an answer" in chat.reply("@alice: /task show T-1")


def test_done_keeps_the_note_in_the_history_and_tells_the_requester(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    chat.say("@bob: /task accept T-1")
    done = chat.say("@bob: /task done T-1 shipped in v2.3")
    assert done[0].text.startswith("Done: T-1")
    assert any(m.to == "@alice" and "@bob completed T-1 send the report. Note: shipped in v2.3" in m.text
               for m in done)
    assert "@bob completed shipped in v2.3" in chat.reply("@alice: /task show T-1")


def test_cancel_and_reopen_keep_their_reasons(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    cancelled = chat.say("@alice: /task cancel T-1 the client dropped it")
    assert any(m.to == "@bob" and "Reason: the client dropped it" in m.text for m in cancelled)
    reopened = chat.say("@alice: /task reopen T-1 they want it after all")
    assert any(m.to == "@bob" and "@alice reopened T-1 send the report. Reason: they want it after all" in m.text
               for m in reopened)
    shown = chat.reply("@alice: /task show T-1")
    assert "@alice cancelled the client dropped it" in shown and "@alice reopened they want it after all" in shown
