"""The newer classes of the grammar, read in the speaker's zone on both sides of DST changes."""
from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from core.errors import InvalidInput
from core.language import Workday, parse_request, parse_when


def _at(tz: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(tz))  # type: ignore[misc]


@pytest.mark.parametrize(("tz", "now", "text", "wire"), [
    # the Saturday before Berlin springs forward: 09:00 on Sunday is already summer time
    ("Europe/Berlin", (2026, 3, 28, 20, 0), "every 4 weeks on Sunday at 9 back up", "2026-03-29T09:00:00+02:00"),
    # London falls back on 25 Oct 2026
    ("Europe/London", (2026, 10, 24, 18, 0), "first thing tomorrow call the bank", "2026-10-25T09:00:00+00:00"),
    # New York falls back on 1 Nov 2026; 15:00 London is 10:00 in New York again that week
    ("America/New_York", (2026, 10, 31, 12, 0), "call at 3pm London time on Monday", "2026-11-02T10:00:00-05:00"),
    # New York springs forward on 8 Mar 2026 while London does not until 29 Mar
    ("Europe/London", (2026, 3, 7, 9, 0), "join at 9am Eastern on Monday", "2026-03-09T13:00:00+00:00"),
    ("America/New_York", (2026, 3, 7, 9, 0), "sync 16:00 CET on Tuesday", "2026-03-10T11:00:00-04:00"),
])
def test_times_and_zones_are_placed_across_dst(tz: str, now: tuple[int, ...], text: str, wire: str) -> None:
    reading = parse_request(text, now=_at(tz, *now), tz=tz)
    assert reading.due is not None and reading.due.wire() == wire


def test_an_hourly_schedule_counts_real_hours_over_the_spring_change() -> None:
    reading = parse_request("rotate the logs every 8 hours", now=_at("Europe/Berlin", 2026, 3, 28, 22, 0),
                            tz="Europe/Berlin")
    assert reading.recurrence == "FREQ=HOURLY;INTERVAL=8" and reading.title == "rotate the logs"
    assert reading.due is not None and reading.due.wire() == "2026-03-29T07:00:00+02:00"


@pytest.mark.parametrize(("text", "rule", "first"), [
    ("every 4 weeks on Monday send the stock count", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO", date(2026, 11, 9)),
    ("every other Thursday team lunch", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", date(2026, 11, 5)),
    ("every 6 months on the 3rd check the smoke alarms", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=3", date(2026, 12, 3)),
    ("ev tue, thu gym", "FREQ=WEEKLY;BYDAY=TU,TH", date(2026, 11, 5)),
    ("every month starting January 10 pay the rent", "FREQ=MONTHLY;BYMONTHDAY=10", date(2027, 1, 10)),
    ("every Monday until the end of December log hours", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959",
     date(2026, 11, 9)),
    ("every Friday for 4 weeks demo", "FREQ=WEEKLY;BYDAY=FR;UNTIL=20261203T235959", date(2026, 11, 6)),
    ("every day 3 times take the drops", "FREQ=DAILY;UNTIL=20261106T235959", date(2026, 11, 4)),
])
def test_intervals_anchors_and_bounds(text: str, rule: str, first: date) -> None:
    """Said on Wednesday 4 Nov 2026: the first date is the next matching day, never today unless it matches."""
    reading = parse_request(text, now=_at("Europe/London", 2026, 11, 4, 10, 0), tz="Europe/London")
    assert (reading.recurrence, reading.due and reading.due.local_date()) == (rule, first)


@pytest.mark.parametrize(("text", "day"), [
    ("by the first Monday of next month", date(2026, 12, 7)),
    ("on the last working day of the month", date(2026, 11, 30)),
    ("by the 3rd Wednesday in January", date(2027, 1, 20)),
    ("by end of the quarter", date(2026, 12, 31)),
    ("by end of next quarter", date(2027, 3, 31)),
    ("by end of the week", date(2026, 11, 6)),
    ("before the 20th", date(2026, 11, 20)),
])
def test_days_named_by_their_place_in_a_month(text: str, day: date) -> None:
    due = parse_when(text, now=_at("Europe/London", 2026, 11, 4, 10, 0), tz="Europe/London")
    assert due.local_date() == day


def test_working_days_follow_the_speakers_working_week() -> None:
    sunday_to_thursday = Workday(days=frozenset({6, 0, 1, 2, 3}))
    now = _at("Asia/Jerusalem", 2026, 11, 4, 10, 0)
    due = parse_when("the last working day of July", now=now, tz="Asia/Jerusalem", workday=sunday_to_thursday)
    assert due.local_date() == date(2027, 7, 29)
    assert parse_when("the last working day of July", now=now, tz="Asia/Jerusalem").local_date() == date(2027, 7, 30)


def test_end_of_day_is_the_end_of_work_when_the_hours_are_known_and_a_date_otherwise() -> None:
    now, tz = _at("Europe/London", 2026, 11, 4, 10, 0), "Europe/London"
    assert parse_when("end of day", now=now, tz=tz).wire() == "2026-11-04"
    assert parse_when("EOD tomorrow", now=now, tz=tz).wire() == "2026-11-05"
    late = Workday(time(10), time(18, 30))
    assert parse_when("end of day", now=now, tz=tz, workday=late).wire() == "2026-11-04T18:30:00+00:00"
    assert parse_when("first thing tomorrow", now=now, tz=tz, workday=late).wire() == "2026-11-05T10:00:00+00:00"
    assert parse_when("by close of business Friday", now=now, tz=tz, workday=late).wire() == "2026-11-06T18:30:00+00:00"


def test_single_quotes_keep_their_words_but_apostrophes_do_not_quote() -> None:
    now, tz = _at("Europe/London", 2026, 11, 4, 10, 0), "Europe/London"
    quoted = parse_request("rehearse 'Friday I'm in Love' on Thursday", now=now, tz=tz)
    assert quoted.title == "rehearse 'Friday I'm in Love'" and quoted.due is not None
    assert quoted.due.local_date() == date(2026, 11, 5)
    plain = parse_request("check Ana's notes by Friday", now=now, tz=tz)
    assert plain.title == "check Ana's notes" and plain.due is not None


@pytest.mark.parametrize(("lang", "tz", "text", "title", "wire"), [
    ("fr", "Europe/Paris", "réviser le budget jeudi 15h", "réviser le budget", "2026-11-05T15:00:00+01:00"),
    ("es", "Europe/Madrid", "llamar al banco el próximo lunes a las 10 por favor", "llamar al banco",
     "2026-11-09T10:00:00+01:00"),
    ("de", "Europe/Berlin", "bitte die Folien bis Ende der Woche fertig machen", "die Folien fertig machen",
     "2026-11-06"),
    ("de", "Europe/Berlin", "Server am 20.11. neu starten", "Server neu starten", "2026-11-20"),
    ("de", "Europe/Berlin", "send the slides by friday", "send the slides", "2026-11-06"),
    ("fr", "Europe/Paris", "préparer la démo s'il vous plaît d'ici la fin du mois", "préparer la démo", "2026-11-30"),
])
def test_german_spanish_and_french_requests(lang: str, tz: str, text: str, title: str, wire: str) -> None:
    reading = parse_request(text, now=_at(tz, 2026, 11, 4, 10, 0), tz=tz, lang=lang)
    assert (reading.title, reading.due and reading.due.wire()) == (title, wire)


def test_a_foreign_schedule_reads_as_a_rule() -> None:
    reading = parse_request("jeden Dienstag um 7 Uhr Backups prüfen", now=_at("Europe/Berlin", 2026, 11, 4, 10, 0),
                            tz="Europe/Berlin", lang="de")
    assert reading.recurrence == "FREQ=WEEKLY;BYDAY=TU" and reading.title == "Backups prüfen"
    assert reading.due is not None and reading.due.wire() == "2026-11-10T07:00:00+01:00"


def test_an_unknown_language_is_refused_with_the_ones_known() -> None:
    with pytest.raises(InvalidInput, match="en, de, es, fr"):
        parse_request("call Bob", now=_at("UTC", 2026, 11, 4, 10, 0), tz="UTC", lang="klingon")
    assert parse_request("call Bob", now=_at("UTC", 2026, 11, 4, 10, 0), tz="UTC", lang="en-GB").title == "call Bob"


@pytest.mark.parametrize(("text", "unread"), [
    ("file the claim by April 31", ("April 31",)),
    ("pay the invoice on 3/4", ("3/4",)),
    ("book the room for the 31st of June", ("31st of June",)),
    ("review the 9/11 report", ()),
    ("fix it by the 32nd", ("32nd",)),
    ("send it on Feb 29", ()),
])
def test_words_that_name_no_real_day_are_reported_and_left_in_the_title(text: str, unread: tuple[str, ...]) -> None:
    reading = parse_request(text, now=_at("Europe/London", 2026, 11, 4, 10, 0), tz="Europe/London")
    assert reading.unread == unread
    assert all(word in reading.title for word in unread)
