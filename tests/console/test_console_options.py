"""`tandem console` options that are wrong get a one-line answer and exit 2, before anything starts."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--tz", "Europe/Berln"], "Did you mean Europe/Berlin?"),
        (["--tz", "Europe/" + "x" * 5000], "the limit is 64"),
        (["--now", "yesterday"], "--now takes an ISO date and time"),
    ],
)
def test_a_wrong_console_option_is_answered_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        options: list[str], expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["console", *options]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and len(err.splitlines()) == 1
