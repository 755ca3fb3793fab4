"""make_engine: friendly errors, and SQLite set up for one writer at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from storage.database import DatabaseUnavailable, make_engine


def test_a_malformed_url_raises_a_friendly_error() -> None:
    with pytest.raises(DatabaseUnavailable, match="not valid"):
        make_engine("not a url")


def test_an_unknown_driver_raises_a_friendly_error() -> None:
    with pytest.raises(DatabaseUnavailable, match="Cannot use"):
        make_engine("nosuchdb+nodriver://host/db")


def test_an_unreachable_server_raises_a_friendly_error_without_the_password() -> None:
    with pytest.raises(DatabaseUnavailable, match="Cannot reach") as raised:
        make_engine("postgresql+psycopg://tandem:secret@127.0.0.1:1/tandem")
    assert "secret" not in raised.value.message


def test_sqlite_creates_the_folder_of_its_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "tandem.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    engine.dispose()
    assert path.exists()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    engine.dispose()


def test_every_sqlite_transaction_begins_immediate(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    with engine.begin() as connection:
        connection.execute(text("SELECT 1"))
    engine.dispose()
    assert statements[:2] == ["BEGIN IMMEDIATE", "SELECT 1"]
