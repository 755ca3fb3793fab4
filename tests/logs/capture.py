"""Capture what Tandem logs as `logging.format: json` would write it, for tests that read the lines back."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bot.config.model import LoggingConfig
from bot.logs.json_lines import handler_for
from core.bus import Bus
from core.commands import Command, Speaker
from core.outcome import Outcome


@contextmanager
def json_log_file(path: Path) -> Iterator[Path]:
    """The root logger also writes JSON lines to `path`, as `logging.format: json` with `logging.file` does."""
    handler = handler_for(LoggingConfig(level="INFO", file=path, format="json"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()


def json_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class BrokenBus(Bus):
    """The real bus, except that commands fail with an error nobody expected (a bug)."""

    def execute(self, command: Command, speaker: Speaker) -> Outcome:
        raise RuntimeError("a bug nobody expected")
