"""`logging.format: json`: one JSON object a line, whose request id is the reference people are shown."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, text

from bot.config import load_config
from core.requests import serving
from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness
from tests.logs.capture import json_lines, json_log_file

REFERENCE = re.compile(r"reference (E-[0-9A-F]{6})")


@pytest.fixture
def json_log(tmp_path: Path) -> Iterator[Path]:
    with json_log_file(tmp_path / "tandem.log") as path:
        yield path


def _lines(path: Path) -> list[dict[str, str]]:
    return json_lines(path)


def test_an_unexpected_error_is_logged_as_json_under_the_reference_the_person_sees(
        uow_factory: SqlUnitOfWorkFactory, engine: Engine, json_log: Path) -> None:
    chat = ChatHarness(uow_factory, datetime(2026, 3, 26, 17, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    chat.say(":as alice admin")
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE admin_audit"))  # the database breaks under the next command
    answer = chat.reply("@alice: /task admin audit")
    shown = REFERENCE.search(answer)
    assert shown is not None and "Traceback" not in answer
    errors = [line for line in _lines(json_log) if line["level"] == "ERROR"]
    assert [line["request_id"] for line in errors] == [shown.group(1)]
    logged = errors[0]
    assert logged["platform"] == "console" and logged["workspace"] == "acme"
    assert logged["logger"] == "tandem.errors" and shown.group(1) in logged["message"]
    assert "admin_audit" in logged["exception"]
    assert datetime.fromisoformat(logged["time"]).tzinfo is not None


def test_every_line_of_a_request_carries_its_id_and_lines_outside_carry_none(json_log: Path) -> None:
    log = logging.getLogger("tandem.test")
    log.warning("outside")
    with serving("slack", "T123") as request:
        log.warning("inside %s", "once")
        log.warning("inside again")
    lines = _lines(json_log)
    assert [line["message"] for line in lines] == ["outside", "inside once", "inside again"]
    assert lines[0]["request_id"] == "" and lines[1]["request_id"] == lines[2]["request_id"] == request.id
    assert {lines[1]["platform"], lines[1]["workspace"]} == {"slack", "T123"}


def test_text_stays_the_default_and_json_is_chosen_in_app_yaml(tmp_path: Path) -> None:
    config = tmp_path / "app.yaml"
    config.write_text("logging:\n  level: INFO\n", encoding="utf-8")
    assert load_config(config, env={}).logging.format == "text"
    config.write_text("logging:\n  format: JSON\n", encoding="utf-8")
    assert load_config(config, env={}).logging.format == "json"
    config.write_text("logging:\n  format: xml\n", encoding="utf-8")
    with pytest.raises(Exception, match="format"):
        load_config(config, env={})
