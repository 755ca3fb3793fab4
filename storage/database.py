"""Engines: SQLite tuned for one process (WAL, BEGIN IMMEDIATE) or PostgreSQL, with friendly errors."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000")
SQLITE_DAMAGED = ("file is not a database", "database disk image is malformed")


class DatabaseUnavailable(Exception):
    """The database URL is malformed or the database cannot be reached; the message says which."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseDamaged(DatabaseUnavailable):
    """A SQLite file that is not a database or has damaged pages."""

    def __init__(self, path: str | None, reason: str) -> None:
        super().__init__(f"The SQLite file {path} is damaged ({reason}). Restore it from a backup, or move it aside "
                         "to start with an empty database.")


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


def ping(engine: Engine, name: str | None = None) -> None:
    """Connect once, raising DatabaseUnavailable with a short reason if that fails; a SQLite file is also
    checked for damaged pages (`PRAGMA quick_check`), so damage is found at start, not halfway through a change.
    `name` says which database in messages (default: the engine's URL, without its password)."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                problems = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(1)")]
                if problems != ["ok"]:
                    raise DatabaseDamaged(name or engine.url.database, SQLITE_DAMAGED[1])
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if engine.dialect.name == "sqlite" and reason in SQLITE_DAMAGED:
            raise DatabaseDamaged(name or engine.url.database, reason) from error
        where = name or engine.url.render_as_string(hide_password=True)
        raise DatabaseUnavailable(f"Cannot reach the database at {where}: {reason}") from error


def read_only_engine(url: str) -> Engine:
    """An engine that only reads: a SQLite file is opened read-only (immutable when not even its WAL index can be
    written, e.g. in a read-only folder), without WAL set-up or write locks. Other databases: make_engine."""
    parsed = parse_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return make_engine(url)
    path = quote(str(Path(database).expanduser().resolve()))
    for mode in ("mode=ro", "immutable=1"):
        engine = create_engine("sqlite://", creator=lambda mode=mode: sqlite3.connect(f"file:{path}?{mode}", uri=True))
        try:
            ping(engine, name=database)
            return engine
        except DatabaseDamaged:
            engine.dispose()
            raise
        except DatabaseUnavailable as error:
            engine.dispose()
            unreadable = error
    raise unreadable


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
