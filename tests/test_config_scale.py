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


DISCORD = """
    discord:
      enabled: true
      token: abc
"""


def test_discord_shards_are_read_as_ranges_and_lists(tmp_path: Path) -> None:
    config = _load(tmp_path, DISCORD + "      shard_count: 6\n      shard_ids: \"0-2, 5\"\n")
    assert (config.discord.shard_count, config.discord.shard_ids) == (6, (0, 1, 2, 5))
    assert "discord (shards 0,1,2,5 of 6)" in config.adapter_names()
    listed = _load(tmp_path, DISCORD + "      shard_count: 2\n      shard_ids: [1]\n")
    assert listed.discord.shard_ids == (1,)


def test_without_shard_settings_discord_picks_the_count_and_one_process_runs_them_all(tmp_path: Path) -> None:
    config = _load(tmp_path, DISCORD)
    assert (config.discord.shard_count, config.discord.shard_ids) == (None, None)
    assert "discord" in config.adapter_names()


@pytest.mark.parametrize(("settings", "where", "what"), [
    ("shard_count: 0", "discord.shard_count", "0 is outside 1..4096"),
    ("shard_count: 4\n      shard_ids: \"2-5\"", "discord.shard_ids", "4, 5 are not below shard_count 4"),
    ("shard_ids: \"0-1\"", "discord.shard_ids", "needs discord.shard_count"),
    ("shard_count: 4\n      shard_ids: \"3-1\"", "discord.shard_ids", "the range '3-1' runs backwards"),
    ("shard_count: 4\n      shard_ids: first", "discord.shard_ids", "'first' is not a list of shard ids"),
])
def test_bad_shard_settings_are_clear_problems(tmp_path: Path, settings: str, where: str, what: str) -> None:
    [(found_where, found_what)] = _problems(tmp_path, DISCORD + "      " + settings + "\n")
    assert found_where == where and what in found_what
