"""Dialogs about channel reminders: posted in the room at the time, repeated, listed and cancelled; only where
both Tandem and the person are."""
from __future__ import annotations

from tests.harness import ChatHarness


def _posted(chat: ChatHarness, advance: str) -> list[tuple[str | None, str | None, str]]:
    return [(m.fired, m.conversation, m.text) for m in chat.say(f":advance {advance}")
            if m.to is None and m.text.startswith("Reminder from")]


def test_a_repeating_reminder_is_posted_in_the_room_each_time(chat: ChatHarness) -> None:
    said = chat.reply("@alice: /task remind submit your timesheets every monday at 9")
    assert said.startswith('tandem: R-1: I\'ll post "submit your timesheets" here on Mon 30 Mar 09:00, then every')
    assert _posted(chat, "3d") == []
    assert _posted(chat, "2d") == [("Mon 30 Mar 09:00", "console", "Reminder from @alice: submit your timesheets")]
    assert [p[0] for p in _posted(chat, "7d")] == ["Mon 06 Apr 09:00"]


def test_remind_the_channel_said_to_the_bot_posts_once(chat: ChatHarness) -> None:
    said = chat.reply("@alice: @tandem remind the channel to water the plants tomorrow at 10")
    assert 'R-1: I\'ll post "water the plants" here on Fri 27 Mar 10:00.' in said
    assert _posted(chat, "1d") == [("Fri 27 Mar 10:00", "console", "Reminder from @alice: water the plants")]
    assert _posted(chat, "7d") == []


def test_reminders_are_listed_and_cancelled(chat: ChatHarness) -> None:
    chat.say("@alice: /task remind join the stand-up every weekday at 9:30")
    listed = chat.reply("@bob: /task remind list")
    assert "R-1 Fri 27 Mar 09:30 (repeats): \"join the stand-up\" by @alice" in listed
    assert "Cancelled R-1" in chat.reply("@bob: /task remind cancel R-1")
    assert "No reminders to post here." in chat.reply("@alice: /task remind list")
    assert _posted(chat, "2d") == []


def test_a_reminder_for_a_room_the_person_is_not_in_is_refused_like_one_that_does_not_exist(
        chat: ChatHarness) -> None:
    chat.say(":room #hr private")
    chat.say(":room #console")
    refused = chat.reply("@bob: /task remind #hr pay day friday at 9")
    assert "I can only post reminders in a conversation both you and I are in." in refused
    assert refused == chat.reply("@bob: /task remind #nowhere pay day friday at 9")
    assert "R-1: I'll post \"pay day\" in #hr on Fri 27 Mar 09:00." in chat.reply("@you: /task remind #hr pay day "
                                                                                 "friday at 9")
    assert "There is no reminder R-1 that you can see." in chat.reply("@bob: /task remind cancel R-1")


def test_a_reminder_needs_a_time_to_come(chat: ChatHarness) -> None:
    assert "Say what to post and when" in chat.reply("@alice: /task remind submit your timesheets")
    assert "has already passed" in chat.reply("@alice: /task remind submit your timesheets today at 9")


def test_names_channels_and_labels_in_a_reminder_are_kept_as_said(chat: ChatHarness) -> None:
    said = chat.reply("@alice: /task remind ping @bob about the #q3 report +design !now friday at 3pm")
    assert 'I\'ll post "ping @bob about the #q3 report +design !now" here on Fri 27 Mar 15:00.' in said
