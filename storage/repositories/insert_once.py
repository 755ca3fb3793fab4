"""INSERT … ON CONFLICT DO NOTHING for both dialects: the building block of dedupe keys and leases."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_once(session: Session, table: Any, values: dict[str, Any], key: list[str]) -> Insert:
    """An insert of `values` into `table` that does nothing when a row with the same `key` exists."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table).values(values).on_conflict_do_nothing(index_elements=key)
    if dialect == "sqlite":
        return sqlite.insert(table).values(values).on_conflict_do_nothing(index_elements=key)
    raise NotImplementedError(f"Tandem supports SQLite and PostgreSQL, not {dialect}")
