"""Tests for loading and validating app.yaml and the environment into a Config."""
from __future__ import annotations

import dataclasses
import io
import re
import textwrap
from datetime import time, timedelta
from pathlib import Path

import pytest
import yaml

from bot.config import Config, ConfigError, Problem, load_config, load_config_or_exit

REPO = Path(__file__).resolve().parents[1]
SLACK_SECRETS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")


def write(tmp_path: Path, text: str, name: str = "app.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(path: Path, env: dict[str, str] | None = None) -> list[Problem]:
    with pytest.raises(ConfigError) as caught:
        load_config(path, env=env or {})
    return caught.value.problems


def wheres(problems: list[Problem]) -> list[str]:
    return [problem.where for problem in problems]


def test_a_missing_default_file_means_all_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(env={})
    assert config.source is None
    assert config.database.url == f"sqlite:///{tmp_path.resolve()}/data/tandem.sqlite"
    assert config.defaults.timezone == "UTC"
    assert config.defaults.working_days == frozenset({0, 1, 2, 3, 4})
    assert (config.defaults.working_hours.start, config.defaults.end_of_day) == (time(9), time(17, 30))
    assert config.defaults.digest_time == time(9)
    assert (config.defaults.language, config.defaults.holiday_country) == ("en", None)
    assert config.console.enabled and not config.slack.enabled and not config.discord.enabled
    assert config.slack.api_url == "https://slack.com/api/"
    assert config.scheduler.tick_seconds == 15
    assert config.scheduler.reminder_lead == timedelta(hours=1)
    assert config.logging.level == "INFO"


def test_the_repository_app_yaml_loads_cleanly_and_states_the_defaults() -> None:
    config = load_config(REPO / "app.yaml", env={})
    assert config.source == REPO / "app.yaml"
    assert config.database.url == f"sqlite:///{REPO}/data/tandem.sqlite"
    assert dataclasses.replace(config, source=None, database=Config().database) == Config()


def test_every_setting_in_app_yaml_is_documented_and_every_documented_setting_is_valid() -> None:
    data = yaml.safe_load((REPO / "app.yaml").read_text(encoding="utf-8"))
    in_yaml = {f"{section}.{key}" for section, values in data.items() for key in values}
    docs = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", docs, flags=re.MULTILINE))
    assert documented == in_yaml


def test_the_repository_app_yaml_accepts_slack_and_discord_once_secrets_are_set(tmp_path: Path) -> None:
    text = (REPO / "app.yaml").read_text(encoding="utf-8").replace("enabled: false", "enabled: true")
    env = {name: f"{name.lower()}-value" for name in SLACK_SECRETS} | {"DISCORD_TOKEN": "discord-token"}
    config = load_config(write(tmp_path, text), env=env)
    assert config.slack.enabled and config.slack.bot_token == "slack_bot_token-value"
    assert config.discord.enabled and config.discord.token == "discord-token"
    socket = load_config(write(tmp_path, text.replace("mode: http", "mode: socket")), env=env)
    assert socket.slack.mode == "socket" and socket.slack.app_token == "slack_app_token-value"


def test_tandem_database_url_in_the_environment_overrides_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "database:\n  url: sqlite:///other.sqlite\n")
    url = "postgresql+psycopg://tandem:secret@db.example:5432/tandem"
    config = load_config(path, env={"TANDEM_DATABASE_URL": url})
    assert config.database.url == url
    assert "secret" not in config.summary() and "secret" not in repr(config)


def test_relative_sqlite_paths_are_taken_from_the_folder_holding_app_yaml(tmp_path: Path) -> None:
    path = write(tmp_path, "database:\n  url: sqlite:///db/t.sqlite\n")
    assert load_config(path, env={}).database.url == f"sqlite:///{tmp_path.resolve()}/db/t.sqlite"
    absolute = write(tmp_path, "database:\n  url: sqlite:////var/t.sqlite\n", "abs.yaml")
    assert load_config(absolute, env={}).database.url == "sqlite:////var/t.sqlite"


def test_environment_references_and_their_defaults_are_substituted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        defaults:
          timezone: ${TANDEM_TZ}
          language: ${TANDEM_LANGUAGE:-de}
          digest_time: ${DIGEST_TIME:-08:30}
        database:
          url: postgresql+psycopg://tandem:${DB_PASSWORD}@localhost:5432/tandem
        """,
    )
    env = {"TANDEM_TZ": "Europe/Berlin", "DB_PASSWORD": "pw", "DIGEST_TIME": ""}
    config = load_config(path, env=env)
    assert config.defaults.timezone == "Europe/Berlin"
    assert config.defaults.language == "de"
    assert config.defaults.digest_time == time(8, 30)
    assert config.database.url == "postgresql+psycopg://tandem:pw@localhost:5432/tandem"
    assert load_config(path, env=env | {"TANDEM_LANGUAGE": "fr"}).defaults.language == "fr"


def test_an_unset_reference_is_a_problem_only_where_the_setting_is_needed(tmp_path: Path) -> None:
    path = write(tmp_path, "defaults:\n  timezone: ${TANDEM_TZ}\nslack:\n  bot_token: ${SLACK_BOT_TOKEN}\n")
    [problem] = problems_of(path)
    assert problem.where == "defaults.timezone"
    assert "TANDEM_TZ" in problem.what
    assert load_config(path, env={"TANDEM_TZ": "UTC"}).slack.bot_token is None


def test_secrets_left_out_of_app_yaml_come_from_their_usual_environment_variables(tmp_path: Path) -> None:
    path = write(tmp_path, "slack:\n  enabled: true\n  mode: socket\ndiscord:\n  enabled: true\n")
    env = {"SLACK_APP_TOKEN": "xapp-1", "SLACK_BOT_TOKEN": "xoxb-1", "DISCORD_TOKEN": "d"}
    config = load_config(path, env=env)
    assert (config.slack.app_token, config.slack.bot_token, config.discord.token) == ("xapp-1", "xoxb-1", "d")


def test_several_problems_are_all_reported_at_once_with_where_what_and_an_example(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        defaults:
          timezone: Europe/Berln
          working_days: mon-fry
          working_hours: "17:00-09:00"
          language: it
        scheduler:
          tick_seconds: 0
          reminder_lead: soon
        logging:
          level: loud
        """,
    )
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    error = caught.value
    assert wheres(error.problems) == [
        "defaults.timezone",
        "defaults.working_days",
        "defaults.working_hours",
        "defaults.language",
        "scheduler.tick_seconds",
        "scheduler.reminder_lead",
        "logging.level",
    ]
    assert all(problem.what and problem.example for problem in error.problems)
    message = error.render()
    assert message.startswith("app.yaml has 7 problems:\n")
    assert "  - defaults.timezone: 'Europe/Berln' is not a time zone. Example: Europe/Berlin" in message


def test_an_unknown_key_is_reported_with_the_closest_known_one(tmp_path: Path) -> None:
    path = write(tmp_path, "defaults:\n  timezon: UTC\nschedular:\n  enabled: true\n")
    problems = problems_of(path)
    assert wheres(problems) == ["defaults.timezon", "schedular"]
    assert "did you mean 'timezone'?" in problems[0].what
    assert "did you mean 'scheduler'?" in problems[1].what


def test_a_yaml_syntax_error_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "defaults:\n  timezone: UTC\n\tlanguage: en\n")
    [problem] = problems_of(path)
    assert problem.where.startswith("line 3")
    assert "syntax" in problem.what


def test_slack_enabled_without_secrets_names_the_environment_variables_to_set(tmp_path: Path) -> None:
    socket = write(tmp_path, "slack:\n  enabled: true\n  mode: socket\n  app_token: ${MY_APP_TOKEN}\n", "s.yaml")
    problems = problems_of(socket)
    assert wheres(problems) == ["slack.app_token", "slack.bot_token"]
    assert "MY_APP_TOKEN" in problems[0].example and "SLACK_BOT_TOKEN" in problems[1].example
    http = write(tmp_path, "slack:\n  enabled: true\n", "h.yaml")
    problems = problems_of(http)
    assert wheres(problems) == ["slack.signing_secret", "slack.bot_token"]
    assert "SLACK_SIGNING_SECRET" in problems[0].example
    assert all(name in problems[1].example for name in ("SLACK_BOT_TOKEN", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"))


def test_slack_over_http_accepts_oauth_instead_of_a_bot_token(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        slack:
          enabled: true
          signing_secret: ${SLACK_SIGNING_SECRET}
          client_id: "1234567890.1234567890"
          client_secret: ${SLACK_CLIENT_SECRET}
        """,
    )
    config = load_config(path, env={"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_SECRET": "c"})
    assert config.slack.uses_oauth and config.slack.client_id == "1234567890.1234567890"
    assert config.adapter_names() == ["console", "slack (oauth)"]


def test_discord_enabled_without_a_token_is_a_problem(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "discord:\n  enabled: true\n"))
    assert problem.where == "discord.token" and "DISCORD_TOKEN" in problem.example


def test_the_slack_api_url_gets_a_trailing_slash(tmp_path: Path) -> None:
    path = write(tmp_path, "slack:\n  api_url: http://127.0.0.1:8999/api\n")
    assert load_config(path, env={}).slack.api_url == "http://127.0.0.1:8999/api/"


def test_values_are_read_in_the_forms_people_write(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        defaults:
          working_days: [sun, mon, tue, wed, thu]
          working_hours: 8:30-16:00
          digest_time: 7:45
          holiday_country: de-by
        scheduler:
          reminder_lead: 2h30m
          follow_up_after_hours: 1.5
          project_digest_day: Friday
        logging:
          level: debug
          file: logs/tandem.log
        """,
    )
    config = load_config(path, env={})
    assert config.defaults.working_days == frozenset({6, 0, 1, 2, 3})
    assert config.defaults.working_hours.start == time(8, 30)
    assert config.defaults.digest_time == time(7, 45)
    assert config.defaults.holiday_country == "DE-BY"
    assert config.scheduler.reminder_lead == timedelta(hours=2, minutes=30)
    assert config.scheduler.follow_up_after_hours == 1.5
    assert config.scheduler.project_digest_day == 4
    assert config.logging.level == "DEBUG"
    assert config.logging.file == tmp_path.resolve() / "logs" / "tandem.log"


def test_norway_stays_a_country_and_sun_thu_wraps_over_the_weekend(tmp_path: Path) -> None:
    path = write(tmp_path, "defaults:\n  holiday_country: NO\n  working_days: sun-thu\n")
    config = load_config(path, env={})
    assert config.defaults.holiday_country == "NO"
    assert config.defaults.working_days == frozenset({6, 0, 1, 2, 3})


def test_a_missing_file_that_was_asked_for_is_a_problem(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere.yaml")
    assert "does not exist" in problem.what
    with pytest.raises(ConfigError):
        load_config(env={"TANDEM_CONFIG": str(tmp_path / "nowhere.yaml")})


def test_a_file_that_is_not_a_mapping_is_a_problem(tmp_path: Path) -> None:
    [problem] = problems_of(write(tmp_path, "- just\n- a list\n"))
    assert problem.where == "app.yaml"


def test_the_command_line_helper_prints_the_problems_and_exits_with_status_2(tmp_path: Path) -> None:
    stream = io.StringIO()
    with pytest.raises(SystemExit) as caught:
        load_config_or_exit(write(tmp_path, "defaults:\n  language: it\n"), env={}, stream=stream)
    assert caught.value.code == 2
    assert stream.getvalue().startswith("app.yaml has 1 problem:\n  - defaults.language:")
    assert "Traceback" not in stream.getvalue()


def test_the_summary_names_adapters_and_never_shows_secrets(tmp_path: Path) -> None:
    path = write(tmp_path, "slack:\n  enabled: true\n  mode: socket\n")
    config = load_config(path, env={"SLACK_APP_TOKEN": "xapp-secret", "SLACK_BOT_TOKEN": "xoxb-secret"})
    assert config.adapter_names() == ["console", "slack (socket)"]
    summary = config.summary()
    assert len(summary.splitlines()) == 2
    assert "secret" not in summary and "secret" not in repr(config)
