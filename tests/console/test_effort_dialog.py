"""Effort estimates: said with the request, shown on the card, edited and cleared, summed into the owner's load.
A day is the speaker's working day: 9:00-17:30 here, so ~1d is 8h 30m."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_an_estimate_is_shown_on_the_card_and_kept_out_of_the_title(chat: ChatHarness) -> None:
    answer = chat.say("@alice: /task add write the launch post ~2h by 2026-04-01")[0]
    assert "Created T-1 write the launch post, due Wed 1 Apr. It's yours." in answer.text
    shown = chat.say("@alice: /task show T-1")[0].card
    assert shown is not None and shown.heading == "write the launch post" and ("Effort", "~2h") in shown.fields


def test_an_estimate_is_edited_and_cleared_and_a_wrong_one_says_how(chat: ChatHarness) -> None:
    chat.say("@alice: /task add write the launch post")
    assert "Updated T-1: effort estimated at ~12h 45m." in chat.reply("@alice: /task edit T-1 effort ~1.5d")
    assert ("Effort", "~12h 45m") in (chat.say("@alice: /task show T-1")[0].card or ()).fields
    assert "I couldn't read 'a while' as an estimate. Write an estimate as ~30m, ~2h, ~1d or ~1.5d." in \
        chat.reply("@alice: /task edit T-1 effort a while")
    assert "~40d is more than 30 days of work for one task." in chat.reply("@alice: /task edit T-1 effort ~40d")
    assert ("Effort", "~12h 45m") in (chat.say("@alice: /task show T-1")[0].card or ()).fields  # nothing half-written
    assert "Updated T-1: effort estimate cleared." in chat.reply("@alice: /task edit T-1 effort clear")
    assert "Effort" not in dict((chat.say("@alice: /task show T-1")[0].card or ()).fields)


def test_the_owners_load_for_the_week_sums_the_estimates(chat: ChatHarness) -> None:
    chat.say("@bob: /task add write the minutes ~1d by 2026-04-01")
    chat.say("@alice: /task add @bob fix the printer ~90m by 2026-03-31")
    chat.say("@bob: /task accept T-2")
    chat.say("@bob: /task add call the plumber by 2026-04-03")
    [request] = [m for m in chat.say("@alice: /task add @bob send the agenda by 2026-04-02") if m.to == "@bob"]
    assert "You already have 3 commitments due that week (~10h estimated)." in request.text
    [next_week] = [m for m in chat.say("@alice: /task add @bob book the room by 2026-04-07") if m.to == "@bob"]
    assert "already have" not in next_week.text
