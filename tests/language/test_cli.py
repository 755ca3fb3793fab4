"""`tandem parse` prints one reading, or one JSON line per input line in batch mode."""
from __future__ import annotations

import io
import json

import pytest

from bot import parse_command
from bot.parse_command import main


def test_one_text_is_printed_as_json_with_a_naive_now_read_in_the_zone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["@lee book flights tomorrow at 10am", "--tz", "Europe/London", "--now", "2026-10-23T16:00"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["due"] == "2026-10-24T10:00:00+01:00" and out["assignees"] == ["lee"] and out["is_request"]


def test_batch_answers_every_line_in_order_and_reports_bad_lines(monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"id": "a", "text": "@ana bins every Tuesday", "now": "2026-10-23T16:00:00", "tz": "Europe/London"},
        {"id": "b", "text": "x" * 2001, "now": "2026-10-23T16:00:00", "tz": "Europe/London"},
        {"id": "c", "text": "call", "now": "2026-10-23T16:00:00", "tz": "Mars/Olympus"},
    ]
    feed = "\n".join(json.dumps(x) for x in lines) + "\nnot json\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(feed))
    assert main(["--batch"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", "c", None]
    assert out[0]["recurrence"] == "FREQ=WEEKLY;BYDAY=TU" and out[0]["due"] == "2026-10-27"
    assert "2,000" in out[1]["error"] and "error" in out[2] and "error" in out[3]
    assert set(out[0]) == {"id", "title", "assignees", "due", "due_kind", "recurrence", "priority", "project",
                           "labels", "unread"}


def test_an_over_long_text_exits_non_zero_with_the_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["y" * 2001]) == 1
    assert "2,000" in capsys.readouterr().err


def test_register_adds_a_parse_sub_command() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parse_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["parse", "hi", "--tz", "Asia/Tokyo"])
    assert args.func is parse_command.run and args.tz == "Asia/Tokyo"


def test_an_unknown_language_is_refused_with_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call Bob friday", "--lang", "xx"]) == 1
    err = capsys.readouterr().err
    assert "'xx'" in err and "en, de, es, fr" in err
