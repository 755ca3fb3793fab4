"""Engines: SQLite tuned for one process (WAL, BEGIN IMMEDIATE) or PostgreSQL, with friendly errors."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000")


class DatabaseUnavailable(Exception):
    """The database URL is malformed or the database cannot be reached; the message says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def make_engine(url: str, *, check: bool = True) -> Engine:
    """An engine for `url` (sqlite:///path or postgresql+psycopg://…); `check` connects once to fail early."""
    parsed = parse_url(url)
    engine = _sqlite_engine(parsed) if parsed.get_backend_name() == "sqlite" else _server_engine(parsed)
    if check:
        ping(engine)
    return engine


def parse_url(url: str) -> URL:
    """Parse a database URL or raise DatabaseUnavailable saying what is wrong with it."""
    try:
        return make_url(url)
    except ArgumentError as error:
        raise DatabaseUnavailable(
            f"The database URL {url!r} is not valid. Use sqlite:///path/to/tandem.sqlite "
            "or postgresql+psycopg://user:password@host:5432/dbname."
        ) from error


def ping(engine: Engine) -> None:
    """Connect once, raising DatabaseUnavailable with a short reason if that fails."""
    try:
        with engine.connect():
            pass
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailable(
            f"Cannot reach the database at {engine.url.render_as_string(hide_password=True)}: {reason}"
        ) from error


def _server_engine(url: URL) -> Engine:
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = 5
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ImportError) as error:
        raise DatabaseUnavailable(
            f"Cannot use the database URL {url.render_as_string(hide_password=True)}: {error}. "
            "For PostgreSQL use postgresql+psycopg://…"
        ) from error


def _sqlite_engine(url: URL) -> Engine:
    _create_parent_directory(url)
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _create_parent_directory(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        message = f"Cannot create the folder for the SQLite file {database}: {error}"
        raise DatabaseUnavailable(message) from error


def _configure_sqlite_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # pysqlite's own BEGIN is deferred and skipped for reads; we issue BEGIN IMMEDIATE ourselves.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    # Taking the write lock up front avoids "database is locked" on a read-then-write upgrade.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
