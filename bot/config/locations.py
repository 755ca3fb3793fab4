"""Parsers for URLs and paths; relative SQLite and log paths are resolved against app.yaml's folder."""
from __future__ import annotations

import re
from pathlib import Path

from bot.config.problems import Invalid

DATABASE_EXAMPLE = "sqlite:///data/tandem.sqlite or postgresql+psycopg://tandem@localhost:5432/tandem"


def parse_database_url(value: object, base: Path) -> str:
    """sqlite:///relative/or////absolute path, or postgresql+psycopg://user:password@host:port/db."""
    text = str(value).strip()
    match = re.fullmatch(r"(sqlite|postgresql)(\+\w+)?://(.*)", text)
    if match is None:
        raise Invalid(f"{value!r} is not a SQLite or PostgreSQL URL", DATABASE_EXAMPLE)
    if match[1] == "postgresql":
        if not re.match(r"[^/]+", match[3]):
            raise Invalid(f"{value!r} names no host", "postgresql+psycopg://tandem@localhost:5432/tandem")
        return text
    return _resolve_sqlite(text, match[3], base)


def _resolve_sqlite(text: str, rest: str, base: Path) -> str:
    if not rest.startswith("/"):
        raise Invalid(f"{text!r} needs three slashes before the file", "sqlite:///data/tandem.sqlite")
    path, query_mark, query = rest[1:].partition("?")
    if not path or path == ":memory:" or path.startswith("file:") or Path(path).is_absolute():
        return text
    scheme = text[: text.index("://")]
    return f"{scheme}:///{(base / path).resolve()}{query_mark}{query}"


def parse_http_url(value: object, example: str, *, trailing_slash: bool = False) -> str:
    """An http(s) URL; with trailing_slash, one is added (Slack's WebClient drops a last segment without)."""
    text = str(value).strip()
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", text):
        raise Invalid(f"{value!r} is not an http(s) URL", example)
    if trailing_slash and not text.endswith("/"):
        return text + "/"
    return text


def parse_ws_url(value: object, example: str) -> str:
    """A ws(s) URL, such as Discord's gateway."""
    text = str(value).strip()
    if not re.fullmatch(r"wss?://[^\s/]+(/\S*)?", text):
        raise Invalid(f"{value!r} is not a ws(s) URL", example)
    return text


def parse_path(value: object, base: Path, example: str) -> Path:
    """A file path; relative ones are taken from the folder holding app.yaml."""
    text = str(value).strip()
    if not text:
        raise Invalid("is empty", example)
    path = Path(text).expanduser()
    return path if path.is_absolute() else (base / path).resolve()
