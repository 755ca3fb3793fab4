"""`logging.format: json`: one JSON object a line, carrying the id of the request being served."""
from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from bot.config.model import LoggingConfig
from core.requests import current_request

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RequestFields(logging.Filter):
    """Stamps each record with the request being served (empty outside one), whichever format writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = current_request()
        record.request_id = request.id if request else ""
        record.workspace = request.workspace if request else ""
        record.platform = request.platform if request else ""
        return True


class JsonLines(logging.Formatter):
    """time (UTC, ISO 8601), level, logger, message, request_id, workspace, platform; and the traceback as one
    escaped string when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "workspace": getattr(record, "workspace", ""),
            "platform": getattr(record, "platform", ""),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def formatter_for(kind: str) -> logging.Formatter:
    """The formatter for app.yaml's `logging.format`: "json", or readable text (the default)."""
    return JsonLines() if kind == "json" else logging.Formatter(TEXT_FORMAT)


def handler_for(config: LoggingConfig) -> logging.Handler:
    """Where app.yaml's `logging` section sends log lines (logging.file, else standard error), in its format."""
    handler = logging.FileHandler(config.file) if config.file else logging.StreamHandler()
    handler.setFormatter(formatter_for(config.format))
    handler.addFilter(RequestFields())
    return handler
