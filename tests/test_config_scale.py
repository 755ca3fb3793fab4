"""app.yaml settings for running at scale: retention of old rows."""
from __future__ import annotations

import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Config, ConfigError, load_config


def _load(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "app.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_config(path, env={})


def _problems(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text)
    return [(problem.where, problem.what) for problem in caught.value.problems]


def test_retention_defaults_to_a_month_of_notices_and_a_week_of_event_ids(tmp_path: Path) -> None:
    config = _load(tmp_path, "{}\n")
    retention = config.retention
    assert (retention.delivered_age, retention.seen_events_age) == (timedelta(days=30), timedelta(days=7))


def test_retention_reads_days_from_app_yaml(tmp_path: Path) -> None:
    config = _load(tmp_path, """
        retention:
          delivered_days: 90
          seen_events_days: 2
    """)
    retention = config.retention
    assert (retention.delivered_days, retention.seen_events_days) == (90, 2)


def test_retention_of_zero_days_is_a_clear_problem(tmp_path: Path) -> None:
    problems = _problems(tmp_path, """
        retention:
          delivered_days: 0
          seen_event_days: 3
    """)
    assert [where for where, _ in problems] == ["retention.delivered_days", "retention.seen_event_days"]
    assert "did you mean 'seen_events_days'?" in problems[1][1]
