"""parse_request: the reading object, limits, and behaviours the corpus cannot express."""
from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from core.errors import InvalidInput
from core.language import Reading, parse_request

LONDON = "Europe/London"
NOW = datetime(2026, 10, 23, 16, 0, tzinfo=ZoneInfo(LONDON))


def test_the_wire_form_has_the_fields_the_checker_reads_and_the_unread_words() -> None:
    wire = parse_request("@sam send it tomorrow 10am p2 #ops +q4", now=NOW, tz=LONDON).to_wire("X1")
    assert wire == {
        "id": "X1", "title": "send it", "assignees": ["sam"], "due": "2026-10-24T10:00:00+01:00",
        "due_kind": "datetime", "recurrence": None, "priority": "high", "project": "ops", "labels": ["q4"],
        "unread": [],
    }


def test_a_reading_cannot_be_changed_after_it_is_made() -> None:
    reading = parse_request("send it", now=NOW, tz=LONDON)
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.title = "other"  # type: ignore[misc]


def test_an_exact_due_is_stored_in_utc_and_remembers_the_zone() -> None:
    due = parse_request("send it tomorrow 9am", now=NOW, tz=LONDON).due
    assert due is not None and due.at == datetime(2026, 10, 24, 8, 0, tzinfo=UTC) and due.tz == LONDON


def test_a_message_of_exactly_the_limit_is_read() -> None:
    text = "send it " + "a" * (2000 - len("send it "))
    assert parse_request(text, now=NOW, tz=LONDON).is_request


def test_a_message_over_the_limit_says_the_limit_and_what_to_do() -> None:
    with pytest.raises(InvalidInput) as err:
        parse_request("a" * 2001, now=NOW, tz=LONDON)
    assert "2,000" in err.value.user_message and "notes" in err.value.user_message


def test_an_unclosed_quote_keeps_the_rest_literal() -> None:
    reading = parse_request('@ana read "Tomorrow at 9', now=NOW, tz=LONDON)
    assert reading.due is None and "Tomorrow at 9" in reading.title


def test_the_bot_mention_is_not_an_assignee() -> None:
    assert parse_request("@tandem @kim call Bo", now=NOW, tz=LONDON).assignees == ("kim",)


def test_a_request_in_another_language_keeps_marks_and_reads_its_deadline() -> None:
    reading = parse_request("@max !high Bericht bis Freitag #ops", now=NOW, tz="Europe/Berlin", lang="de")
    assert (reading.assignees, reading.priority, reading.project) == (("max",), "high", "ops")
    assert reading.due is not None and reading.due.kind == "date" and "bis" not in reading.title


def test_english_date_words_are_not_read_in_another_language() -> None:
    reading = parse_request("Bericht lesen", now=NOW, tz="Europe/Berlin", lang="de")
    assert reading.due is None


def test_reading_returns_the_public_type() -> None:
    assert isinstance(parse_request("x", now=NOW, tz=LONDON), Reading)
