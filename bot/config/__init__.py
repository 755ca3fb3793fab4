"""Tandem's configuration: app.yaml plus the environment, validated into one frozen Config."""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot.config.model import (
    Config,
    ConsoleConfig,
    DatabaseConfig,
    Defaults,
    DiscordConfig,
    LoggingConfig,
    SchedulerConfig,
    SlackConfig,
    WebConfig,
    WorkingHours,
)
from bot.config.problems import ConfigError, Problem
from bot.config.reader import Section
from bot.config.sections import DATABASE_OVERRIDE, build_config
from bot.config.source import parse_yaml

__all__ = [
    "CONFIG_ENV",
    "DATABASE_OVERRIDE",
    "Config",
    "ConfigError",
    "ConsoleConfig",
    "DatabaseConfig",
    "Defaults",
    "DiscordConfig",
    "LoggingConfig",
    "Problem",
    "SchedulerConfig",
    "SlackConfig",
    "WebConfig",
    "WorkingHours",
    "config_path",
    "load_config",
    "load_config_or_exit",
]

CONFIG_ENV = "TANDEM_CONFIG"
DEFAULT_FILE = "app.yaml"


def config_path(path: Path | str | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The file load_config reads: `path`, else $TANDEM_CONFIG, else ./app.yaml."""
    environment = os.environ if env is None else env
    return Path(path or environment.get(CONFIG_ENV) or DEFAULT_FILE).expanduser()


def load_config(path: Path | str | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read and validate the configuration; raises ConfigError listing every problem found.

    `env` defaults to os.environ. A missing ./app.yaml means all defaults; a missing file that was
    asked for (the `path` argument or $TANDEM_CONFIG) is a problem.
    """
    environment = os.environ if env is None else env
    file = config_path(path, environment)
    explicit = path is not None or bool(environment.get(CONFIG_ENV))
    text, problems = _read(file, explicit=explicit)
    data, syntax = parse_yaml(text) if text is not None else (None, [])
    problems += syntax
    if problems:
        raise ConfigError(problems, source=file)
    root = Section(data, "", environment, problems)
    config = build_config(root, file.parent.resolve(), file.resolve() if text is not None else None)
    if problems:
        raise ConfigError(problems, source=file)
    return config


def load_config_or_exit(
    path: Path | str | None = None, env: Mapping[str, str] | None = None, stream: TextIO | None = None
) -> Config:
    """load_config for command-line use: problems go to stderr and the process exits with status 2."""
    try:
        return load_config(path, env)
    except ConfigError as error:
        print(error.render(), file=stream or sys.stderr)
        raise SystemExit(ConfigError.exit_code) from None


def _read(file: Path, *, explicit: bool) -> tuple[str | None, list[Problem]]:
    """The file's text; None without problems when the default file is simply absent."""
    if not file.exists():
        if not explicit:
            return None, []
        what = "the configuration file does not exist"
        return None, [Problem(str(file), what, f"copy app.yaml from the Tandem repository, or unset {CONFIG_ENV}")]
    try:
        return file.read_text(encoding="utf-8"), []
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(str(file), f"cannot be read: {error}", "a readable UTF-8 text file")]
