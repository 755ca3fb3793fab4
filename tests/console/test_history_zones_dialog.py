"""History lines that mention a time read in the reader's zone, whoever wrote them and wherever they were."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_snooze_set_in_berlin_reads_in_new_york_time_for_a_new_york_reader(chat: ChatHarness) -> None:
    chat.say("@nina: hello")
    chat.say("@nina: /task settings tz America/New_York")
    chat.say("@alice: /task add @nina review the contract")
    assert "Snoozed T-1" in chat.reply("@alice: /task snooze T-1 tomorrow 15:00")
    assert "@alice snoozed until Fri 27 Mar 10:00" in chat.reply("@nina: /task show T-1")
    assert "@alice snoozed until Fri 27 Mar 15:00" in chat.reply("@alice: /task show T-1")
