"""parse_when reads a whole text as one deadline, and says clearly when it cannot."""
from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.errors import InvalidInput
from core.language import parse_when

LONDON = "Europe/London"
NOW = datetime(2026, 10, 23, 16, 0, tzinfo=ZoneInfo(LONDON))  # a Friday


@pytest.mark.parametrize(("text", "wire"), [
    ("2h", "2026-10-23T18:00:00+01:00"),
    ("30m", "2026-10-23T16:30:00+01:00"),
    ("90 min", "2026-10-23T17:30:00+01:00"),
    ("3d", "2026-10-26"),
    ("1w", "2026-10-30"),
    ("2026-04-10", "2026-04-10"),
    ("2026-04-10 15:00", "2026-04-10T15:00:00+01:00"),
    ("friday", "2026-10-23"),
    ("next tuesday 3pm", "2026-10-27T15:00:00+00:00"),
    ("tomorrow 3pm", "2026-10-24T15:00:00+01:00"),
    ("in 2 days", "2026-10-25"),
    ("by Monday", "2026-10-26"),
    ("eod", "2026-10-23"),
    ("noon", "2026-10-24T12:00:00+01:00"),
    ("  Tomorrow.  ", "2026-10-24"),
])
def test_a_deadline_phrase_reads_as_a_date_or_an_instant(text: str, wire: str) -> None:
    assert parse_when(text, now=NOW, tz=LONDON).wire() == wire


def test_minutes_and_hours_give_an_instant_but_days_and_weeks_give_a_date() -> None:
    assert parse_when("2h", now=NOW, tz=LONDON).kind == "datetime"
    assert parse_when("2d", now=NOW, tz=LONDON).kind == "date"


def test_a_duration_crossing_the_dst_change_is_added_in_absolute_time() -> None:
    before = datetime(2026, 3, 28, 20, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    due = parse_when("12h", now=before, tz="Europe/Berlin")
    assert due.at == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)


def test_now_may_be_given_in_any_zone() -> None:
    same_moment = NOW.astimezone(ZoneInfo("Asia/Tokyo"))
    assert parse_when("tomorrow", now=same_moment, tz=LONDON).on == date(2026, 10, 24)


@pytest.mark.parametrize("text", ["xyz", "", "the 5th wave", "every"])
def test_an_unreadable_phrase_raises_a_friendly_invalid_input(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        parse_when(text, now=NOW, tz=LONDON)
    assert "couldn't read" in err.value.user_message
    assert "tomorrow 3pm" in err.value.user_message


def test_a_phrase_in_another_language_is_read_with_that_language() -> None:
    due = parse_when("mañana", now=NOW, tz="Europe/Madrid", lang="es")
    assert due.on == date(2026, 10, 24)


def test_an_over_long_phrase_is_refused_with_the_limit() -> None:
    with pytest.raises(InvalidInput, match="2,000"):
        parse_when("x" * 2001, now=NOW, tz=LONDON)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        parse_when("tomorrow", now=datetime(2026, 10, 23, 16, 0), tz=LONDON)
