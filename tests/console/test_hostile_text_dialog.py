"""Terminal escapes typed into a task reach no one's terminal: not the room's, not a DM."""
from __future__ import annotations

from tests.harness import ChatHarness

RED, TITLE_BAR = "\x1b[31m", "\x1b]0;owned\x07"


def test_a_title_and_a_comment_with_terminal_escapes_are_echoed_harmless(chat: ChatHarness) -> None:
    shown = chat.reply(f'@alice: /task add @bob "{RED}deploy now{TITLE_BAR}" by friday')
    assert "deploy now" in shown and "\x1b" not in shown and "\x07" not in shown
    chat.say("@bob: /task comment T-1 fine\x1b[2J\u202eevil")
    chat.say(":advance 1m")  # comments to one person within a minute arrive as one message
    dms = [m.as_text() for m in chat.dms("@alice")] + [m.as_json() for m in chat.dms("@alice")]
    assert dms and not any(c in text for text in dms for c in ("\x1b", "\x07", "\u202e"))
