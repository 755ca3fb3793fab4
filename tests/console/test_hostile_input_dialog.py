"""Dialogs with input that used to crash or be stored as it came: an answer that says how, nothing written."""
from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.harness import ChatHarness
from tests.snapshot import snapshot

LONG = "x" * 1500


@pytest.fixture
def asked(chat: ChatHarness) -> ChatHarness:
    """@alice has asked @bob for T-1, due Friday."""
    chat.say("@alice: /task add @bob send the report by friday")
    return chat


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("@alice: /task due T-1 9999-12-31", "I keep dates between 2016 and 2126; 9999-12-31 is outside that"),
        ("@alice: /task due T-1 0001-01-01", "I keep dates between 2016 and 2126"),
        ("@alice: /task add @bob archive the files by 9999-12-30", "9999-12-30 is outside that"),
        ("@bob: /task propose T-1 9999-12-31 later", "I keep dates between 2016 and 2126"),
        ("@bob: /task away until 9999-12-31", "I keep dates between"),
        ("@alice: /task due T-1 in 99999 weeks", "is outside that"),
        ("@alice: /task snooze T-1 -5h", "A duration can't be negative ('-5h')"),
        ("@alice: /task due T-1 in -3 days", "A duration can't be negative ('-3 days')"),
        ("@alice: /task add @bob tidy up in -2 days", "can't be negative"),
        ("@alice: /task repeat T-1 every 31st of february", "never happen: February has no 31st day"),
        ("@alice: /task add water the plants every 30th of february", "February has no 30th day"),
        ("@alice: /task settings tz Europe/Berln", "Did you mean Europe/Berlin?"),
        ("@alice: /task settings tz " + "Europe/Berlin" * 30, "the limit is 64"),
        ("@bob: /task decline T-1 " + "x" * 5_000_000, "That message is 5,000,018 characters; the limit is 5,000"),
        ("@bob: /task decline T-1 " + LONG, "That reason is 1,500 characters; the limit is 1,000"),
        ("@alice: /task cancel T-1 " + LONG, "That reason is 1,500 characters; the limit is 1,000"),
        ("@bob: /task propose T-1 friday " + LONG, "That proposal is 1,507 characters; the limit is 1,000"),
        ("@alice: /task comment T-1 " + "x" * 4001, "That comment is 4,001 characters; the limit is 4,000"),
        ("@alice: /task edit T-1 notes " + "x" * 4001, "the limit is 4,000"),
        ("@alice: /task edit T-1 title " + "x" * 201, "the limit is 200"),
        ("@alice: /task edit T-1 project " + "p" * 61, "That project name is 61 characters; the limit is 60"),
        ("@alice: /task project new " + "p" * 61, "the limit is 60"),
        ("@alice: /task goal new " + "g" * 61, "That goal name is 61 characters; the limit is 60"),
        ("@alice: /task add write the plan #" + "p" * 61, "That project name is 61 characters; the limit is 60"),
        ("@alice: /task list search " + "q" * 201, "That search is 201 characters; the limit is 200"),
        ("@alice: /task assign T-1 @" + "b" * 81, "That name is 82 characters; the limit is 80"),
        ("@alice: @tandem can @bob " + "x" * 2100, "the limit is 2,000"),
        ("@alice: /task " + "z" * 3000, "That request is 3,000 characters; the limit is 2,000."),
    ],
)
def test_out_of_bounds_input_is_refused_with_how_to_do_it_right_and_nothing_written(
        asked: ChatHarness, engine: Engine, line: str, expected: str) -> None:
    before = snapshot(engine)
    answer = [m for m in asked.say(line) if m.to is None]
    assert len(answer) == 1 and answer[0].error
    assert expected in answer[0].text
    assert len(answer[0].text) < 400
    assert snapshot(engine) == before


def test_control_characters_escapes_and_bidi_overrides_are_removed_on_the_way_in(asked: ChatHarness) -> None:
    asked.say("@alice: /task add @bob \x1b[31mred\x1b[0m report\x00 \u202eevil\u202c \x07check by friday")
    card = asked.reply("@alice: /task show T-2")
    assert "T-2 red report evil check" in card
    assert not any(ch in card for ch in "\x1b\x00\x07\u202e\u202c")


def test_joiners_marks_and_direction_marks_that_real_text_needs_are_kept(asked: ChatHarness) -> None:
    title = "👩\u200d💻 review Cafe\u0301 \u200fשלום\u200e and می\u200cخواهم"
    asked.say(f"@alice: /task add {title}")
    assert title in asked.reply("@alice: /task show T-2")


def test_a_comment_with_a_nul_is_stored_without_it_on_every_database(asked: ChatHarness) -> None:
    assert "Comment added" in asked.reply("@alice: /task comment T-1 first\x00 draft\tattached")
    asked.say(":advance 1m")  # comments to one person within a minute arrive as one message
    assert any("first draft\tattached" in m.text for m in asked.dms("@bob"))


def test_a_time_zone_in_any_letter_case_is_taken_as_its_iana_name(chat: ChatHarness) -> None:
    assert "time zone America/New_York" in chat.reply("@alice: /task settings tz america/new_york")
