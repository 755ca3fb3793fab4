"""Effort estimates in the grammar: ~30m, ~2h, ~1d, ~1.5d; a day is the speaker's working day (8 h unknown)."""
from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from core.errors import InvalidInput
from core.language import Workday, parse_request
from core.language.effort import estimate_words, read_estimate

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "minutes"), [
    ("~30m", 30), ("~45min", 45), ("~2h", 120), ("~1.5h", 90), ("~1d", 480), ("~1.5d", 720), ("~0,5d", 240),
    ("~2H", 120), ("about", None), ("~2", None), ("~2x", None),
])
def test_an_estimate_reads_into_minutes(text: str, minutes: int | None) -> None:
    assert read_estimate(text) == minutes


def test_a_day_is_the_speakers_working_day() -> None:
    short_days = Workday(start=time(8), end=time(14))
    assert read_estimate("~1d", short_days) == 360
    assert parse_request("plan the offsite ~2d", now=NOW, tz="Europe/Berlin", workday=short_days).effort_minutes == 720


@pytest.mark.parametrize(("text", "says"), [
    ("~0h", "An estimate needs some work in it. Write an estimate as ~30m, ~2h, ~1d or ~1.5d."),
    ("~31d", "~31d is more than 30 days of work for one task. Split it into smaller tasks"),
    ("~9999h", "more than 30 days of work"),
])
def test_an_estimate_out_of_bounds_is_refused_with_the_right_form(text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says.replace(".", r"\.").replace("~", "~")):
        parse_request(f"rewrite the parser {text}", now=NOW, tz="Europe/Berlin")


def test_only_the_first_estimate_is_read_and_the_title_stays_clean() -> None:
    reading = parse_request("@sam rewrite the parser ~2h by friday", now=NOW, tz="Europe/Berlin")
    assert (reading.title, reading.effort_minutes, reading.assignees) == ("rewrite the parser", 120, ("sam",))
    assert reading.due is not None and reading.due.on is not None and reading.due.on.isoformat() == "2026-03-06"


@pytest.mark.parametrize(("minutes", "words"), [(30, "~30m"), (120, "~2h"), (90, "~1h 30m"), (840, "~14h")])
def test_an_estimate_reads_back_in_hours_and_minutes(minutes: int, words: str) -> None:
    assert estimate_words(minutes) == words
