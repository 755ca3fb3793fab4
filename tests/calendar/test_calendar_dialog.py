"""`/task calendar`: a private address shown once, revoked by reset, and a feed that shows only what its owner
may see."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

from icalendar import Calendar

from bot.calendar.feed import feed_for
from core.calendar import token_hash
from tests.harness import ChatHarness

ADDRESS = re.compile(r"http://localhost:3000/calendar/([A-Za-z0-9_-]{43})\.ics")


def _address(reply: str) -> str:
    found = ADDRESS.search(reply)
    assert found, reply
    return found.group(1)


def _owner_of(chat: ChatHarness, token: str) -> int | None:
    with chat.uow_factory() as uow:
        return uow.calendars.person_for(token_hash(token))


def _feed(chat: ChatHarness, token: str) -> Calendar:
    person = _owner_of(chat, token)
    assert person is not None
    body = feed_for(chat.uow_factory, person, chat.clock.now(), "https://tandem.example.com")
    assert body is not None
    return Calendar.from_ical(body)


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_address_is_shown_once_and_reset_revokes_it_for_a_new_one(chat: ChatHarness) -> None:
    first = chat.reply("@alice: /task calendar")
    token = _address(first)
    assert "Keep it to yourself" in first
    again = chat.reply("@alice: /task calendar")
    assert ADDRESS.search(again) is None and "/task calendar reset" in again
    reset = chat.reply("@alice: /task settings calendar reset")
    new = _address(reset)
    assert new != token and "the old one no longer works" in reset
    assert _owner_of(chat, token) is None
    assert _owner_of(chat, new) is not None


def test_the_feed_has_all_day_and_timed_events_in_utc_and_a_stable_uid(chat: ChatHarness) -> None:
    chat.say("@alice: /task add send the Q3 report by friday")
    chat.say("@alice: /task add call the bank tomorrow 3pm")
    chat.say("@alice: /task add tidy the wiki")  # no date: not in a calendar
    token = _address(chat.reply("@alice: /task calendar"))
    events = _events(_feed(chat, token))
    assert set(events) == {"T-1 send the Q3 report", "T-2 call the bank"}
    report, call = events["T-1 send the Q3 report"], events["T-2 call the bank"]
    assert report["dtstart"].dt == date(2026, 3, 27) and report["dtend"].dt == date(2026, 3, 28)  # type: ignore[index]
    assert call["dtstart"].dt == datetime(2026, 3, 27, 14, 0, tzinfo=UTC)  # type: ignore[index]  # 15:00 Berlin
    assert call["dtstart"].to_ical() == b"20260327T140000Z"  # type: ignore[index]
    uid = str(report["uid"])  # type: ignore[index]
    chat.say("@alice: /task edit T-1 title send the Q3 report to finance")
    assert str(_events(_feed(chat, token))["T-1 send the Q3 report to finance"]["uid"]) == uid  # type: ignore[index]


def test_the_feed_holds_only_what_its_owner_may_see(chat: ChatHarness) -> None:
    chat.say("@bob: /task add --private see the doctor by friday")
    chat.say(":room #leadership private")
    chat.say(":join @bob")
    chat.say(":join @carol")
    chat.say("@carol: /task add @bob prepare the layoff list by monday")
    chat.say(":room #console")
    chat.say("@alice: /task add @bob send the slides by friday")
    chat.say("@bob: /task accept T-3")
    token = _address(chat.reply("@alice: /task calendar"))
    assert set(_events(_feed(chat, token))) == {"T-3 send the slides (waiting on @bob)"}
    bob = _address(chat.reply("@bob: /task calendar"))
    expected = {"T-1 see the doctor", "T-2 prepare the layoff list (asked of you, not answered yet)",
                "T-3 send the slides"}
    assert set(_events(_feed(chat, bob))) == expected


def test_a_feed_stops_working_when_its_owner_is_deactivated_or_forgotten(chat: ChatHarness) -> None:
    chat.say(":as alice admin")
    bobs = _address(chat.reply("@bob: /task calendar"))
    carols = _address(chat.reply("@carol: /task calendar"))
    assert "Deactivated @bob" in chat.reply("@alice: /task admin deactivate @bob")
    assert _owner_of(chat, bobs) is None and _owner_of(chat, carols) is not None
    chat.say("@alice: /task admin forget @carol --confirm")
    assert _owner_of(chat, carols) is None
