"""Dialogs with the sandbox clock: reminders, follow-ups, escalation, digests and recurring duties."""
from __future__ import annotations

from adapters.console.render import BotMessage
from tests.harness import ChatHarness


def _texts(messages: list[BotMessage], to: str) -> list[str]:
    """What `to` was sent, leaving out the morning digest."""
    return [m.text for m in messages if m.to == to and not m.text.startswith("Your digest")]


def test_an_exact_deadline_is_reminded_an_hour_before_and_at_the_time(chat: ChatHarness) -> None:
    chat.say("@alice: /task add call the bank tomorrow at 11:00")
    assert _texts(chat.say(":advance 16h"), "@alice") == []
    before = _texts(chat.say(":advance 45m"), "@alice")
    assert len(before) == 1 and "call the bank" in before[0] and "11:00" in before[0]
    at_due = _texts(chat.say(":advance 1h"), "@alice")
    assert len(at_due) == 1 and "due now" in at_due[0]


def test_a_reminder_offers_done_snooze_and_propose(chat: ChatHarness) -> None:
    chat.say("@alice: /task add call the bank tomorrow at 11:00")
    reminder = [m for m in chat.say(":advance 17h") if m.to == "@alice"][0]
    assert [a.verb for a in reminder.actions] == ["done", "snooze", "propose"]


def test_snoozing_a_reminder_brings_it_back_later_and_only_then(chat: ChatHarness) -> None:
    chat.say("@alice: /task add call the bank tomorrow at 11:00")
    chat.say(":advance 17h")
    assert "I'll remind you Fri 27 Mar 12:30" in chat.reply("@alice: /task snooze T-1 2h")
    assert _texts(chat.say(":advance 1h45m"), "@alice") == []
    back = _texts(chat.say(":advance 30m"), "@alice")
    assert len(back) == 1 and "call the bank" in back[0]


def test_an_unanswered_request_is_nudged_then_escalated_to_the_requester(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by 2026-04-03")
    chat.say(":advance 15h")  # Friday 08:30: nobody nudged overnight
    assert not [t for t in _texts(chat.messages, "@bob") if "Still waiting" in t]
    nudged = chat.say(":advance 5h")  # Friday 13:30: four working hours after 09:00
    assert any("Still waiting" in t for t in _texts(nudged, "@bob"))
    later = chat.say(":advance 4d")
    assert any("hasn't answered" in t for t in _texts(later, "@alice"))
    assert sum("hasn't answered" in t for t in _texts(chat.messages, "@alice")) == 1


def test_answering_stops_the_follow_ups(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by 2026-04-03")
    chat.say("@bob: /task accept T-1")
    messages = chat.say(":advance 2d")
    assert not [m for m in messages if "Still waiting" in m.text or "hasn't answered" in m.text]


def test_the_morning_digest_comes_at_nine_on_working_days_and_never_empty(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    friday = chat.say(":advance 15h45m")  # Friday 09:15
    digests = [m for m in friday if m.to == "@bob" and "Asked of you" in m.text]
    assert len(digests) == 1 and "T-1 send the Q3 report" in digests[0].text
    assert not [m for m in friday if m.to == "@carol" and "digest" in m.text.lower()]
    weekend = chat.say(":advance 1d")  # Saturday 09:15
    assert not [m for m in weekend if m.to == "@bob" and "Asked of you" in m.text]


def test_nobody_gets_a_digest_while_away(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    assert "Away until" in chat.reply("@bob: /task away until 2026-03-30")
    messages = chat.say(":advance 4d")  # through Monday 30 March, 17:30
    assert not [m for m in messages if m.to == "@bob" and "Asked of you" in m.text]
    back = chat.say(":advance 16h")  # Tuesday 09:30
    assert [m for m in back if m.to == "@bob" and "Asked of you" in m.text]


def test_digest_now_shows_the_digest_on_demand(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    assert "Asked of you" in chat.reply("@bob: /task digest now")
    assert "Nothing for your digest" in chat.reply("@carol: /task digest now")


def test_digest_settings_move_the_digest(chat: ChatHarness) -> None:
    assert "Your digest comes at 08:30" in chat.reply("@bob: /task digest at 08:30 mon-thu")
    assert "Daily digest off" in chat.reply("@bob: /task digest off")


def test_a_recurring_duty_makes_its_next_round_when_done(chat: ChatHarness) -> None:
    chat.say("@alice: /task add water the plants every monday")
    done = chat.reply("@alice: /task done T-1")
    assert "Next round: T-2, due Mon 6 Apr" in done
    assert "T-2 water the plants" in chat.reply("@alice: /task list mine")


def test_a_rotating_duty_goes_to_the_next_person_who_must_accept_it(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob take out the bins every monday")
    chat.say("@bob: /task accept T-1")
    chat.say("@alice: /task rotate T-1 @bob @carol")
    messages = chat.say("@bob: /task done T-1")
    assert any(m.to == "@carol" and "T-2 take out the bins" in m.text for m in messages)


def test_an_overdue_commitment_tells_the_requester_once_inside_working_hours(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    chat.say("@bob: /task accept T-1")
    messages = chat.say(":advance 4d")
    slipped = [t for t in _texts(messages, "@alice") if "T-1" in t and "overdue" in t]
    assert len(slipped) == 1


def test_a_wall_clock_reminder_keeps_its_local_time_across_the_dst_change(chat: ChatHarness) -> None:
    chat.say(":advance 1d")  # Friday 27 March 17:30 CET; clocks go forward on Sunday 29 March
    chat.say("@alice: /task add call mum sunday at 10:00")
    assert _texts(chat.say(":advance 38h"), "@alice") == []  # Sunday 08:30 CEST
    before = _texts(chat.say(":advance 45m"), "@alice")  # Sunday 09:15 CEST: the 09:00 reminder
    assert len(before) == 1 and "10:00" in before[0]
    due = _texts(chat.say(":advance 45m"), "@alice")  # Sunday 10:00 CEST
    assert len(due) == 1 and "due now" in due[0]


def test_tandems_own_nudges_wait_for_working_hours(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by 2026-04-03")
    chat.say(":advance 1d")  # Friday 17:30: the first nudge went out at 13:00
    chat.say(":advance 2h")
    weekend = chat.say(":advance 2d")  # through Sunday 19:30
    assert not [m for m in weekend if m.to in ("@alice", "@bob") and "T-1" in m.text]


def test_no_digest_on_a_public_holiday(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by 2026-04-10")
    assert "public holidays DE" in chat.reply("@bob: /task settings holidays DE")
    chat.say(":advance 6d14h")  # Thursday 2 April 08:30 CEST (clocks went forward on 29 March)
    thursday = chat.say(":advance 1h")
    assert [m for m in thursday if m.to == "@bob" and m.text.startswith("Your digest")]
    good_friday = chat.say(":advance 1d")  # Friday 3 April, Karfreitag
    assert not [m for m in good_friday if m.to == "@bob" and m.text.startswith("Your digest")]


def test_a_project_gets_a_weekly_digest_in_its_conversation_on_monday(chat: ChatHarness) -> None:
    chat.say("@alice: /task project new launch")
    chat.say("@alice: /task add @bob write the press release by 2026-04-10 #launch")
    chat.say("@alice: /task add book the venue by friday #launch")
    monday = chat.say(":advance 3d16h")  # Monday 30 March 09:30 CEST
    posted = [m for m in monday if m.to is None and m.conversation == "console" and "launch" in m.text]
    assert len(posted) == 1
    assert "Progress: 0 of 2 done" in posted[0].text and "book the venue" in posted[0].text


def test_the_morning_digest_names_the_owner_of_what_you_wait_for(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by friday")
    chat.say("@alice: /task add @carol plan the offsite by 2026-05-29")  # later than this week: not in bob's
    friday = chat.say(":advance 15h45m")  # Friday 09:15
    digests = [m.text for m in friday if m.to == "@alice" and m.text.startswith("Your digest")]
    assert len(digests) == 1
    assert "T-1 send the Q3 report · @bob" in digests[0] and "T-2 plan the offsite · @carol" in digests[0]
