"""Table-level dump and load: every row of the schema as JSON-ready dicts, in foreign-key order."""
from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, func, inspect, select, text, true
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import TypeDecorator

from storage.rows import Base
from storage.rows.slack import slack_bots, slack_installations, slack_oauth_states

# Tables that are not part of a workspace's data: replay guards, process leases, the schema version.
SKIPPED_TABLES = frozenset({"seen_events", "leases", "alembic_version"})
# The outbox keeps what is still to be sent; notices already sent (or given up on) are not worth moving.
PENDING_OUTBOX = "outbox"
# Platform credentials (Slack OAuth installations): exported only when asked for.
SECRET_TABLES = (slack_installations, slack_bots, slack_oauth_states)
SECRET_NAMES = frozenset(table.name for table in SECRET_TABLES)
# Columns holding a platform's short-lived edit handle (a Slack response_url, a Discord interaction token).
SCRUBBED_COLUMNS = {"task_cards": frozenset({"handle"})}


def data_tables(extra: Sequence[Table] = ()) -> list[Table]:
    """The schema's tables (plus `extra`) parents first, without the SKIPPED_TABLES."""
    tables = [table for table in Base.metadata.sorted_tables
              if table.name not in SKIPPED_TABLES and table.name not in SECRET_NAMES]
    return tables + [table for table in extra if table.name not in SKIPPED_TABLES]


def existing(connection: Connection, tables: Iterable[Table]) -> list[Table]:
    """The tables of `tables` that exist in the connected database (optional ones may not)."""
    names = set(inspect(connection).get_table_names())
    return [table for table in tables if table.name in names]


def dump_rows(connection: Connection, table: Table, workspace_id: int | None = None) -> Iterator[dict[str, Any]]:
    """Every row of `table` (only workspace `workspace_id`'s when given), as JSON-ready dicts ordered by key."""
    query: Select[Any] = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=1000)
    if workspace_id is not None:
        query = query.where(workspace_scope(table, workspace_id))
    if table.name == PENDING_OUTBOX:
        query = query.where(table.c.state == "pending")
    scrubbed = SCRUBBED_COLUMNS.get(table.name, frozenset())
    for row in connection.execute(query).mappings():
        yield {name: None if name in scrubbed else to_json(value) for name, value in row.items()}


def workspace_scope(table: Table, workspace_id: int) -> ColumnElement[bool]:
    """A condition keeping `table`'s rows that belong to the workspace, following foreign keys up to it."""
    if table.name == "workspaces":
        return table.c.id == workspace_id
    if "workspace_id" in table.c:
        return table.c.workspace_id == workspace_id
    for key in table.foreign_keys:
        parent = key.column.table
        if parent is not table and isinstance(parent, Table) and _scoped(parent):
            chosen = select(key.column).where(workspace_scope(parent, workspace_id))
            return key.parent.in_(chosen)
    return true()  # shared tables (none today) go out whole


def _scoped(table: Table) -> bool:
    return table.name == "workspaces" or "workspace_id" in table.c or any(
        key.column.table is not table and isinstance(key.column.table, Table) and _scoped(key.column.table)
        for key in table.foreign_keys)


def load_rows(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Insert or overwrite `rows` by primary key; returns how many rows changed (0 when all were there)."""
    keys = [column.name for column in table.primary_key.columns]
    late = [key.parent.name for key in table.foreign_keys if key.column.table is table]
    changed = 0
    postponed: list[tuple[list[ColumnElement[bool]], dict[str, Any]]] = []
    for raw in rows:
        row = {name: from_json(table.c[name], value) for name, value in raw.items() if name in table.c}
        where = [table.c[key] == row[key] for key in keys]
        found = connection.execute(select(table).where(*where)).mappings().first()
        if found is not None and all(found[name] == value for name, value in row.items()):
            continue
        changed += 1
        if found is not None:
            connection.execute(table.update().where(*where).values(row))
            continue
        postponed.extend((where, {name: row[name]}) for name in late if row.get(name) is not None)
        connection.execute(table.insert().values({**row, **dict.fromkeys(late)}))
    for where, values in postponed:  # self references (a subtask's parent) once every row is in
        connection.execute(table.update().where(*where).values(values))
    return changed


def reset_sequences(connection: Connection, tables: Iterable[Table]) -> None:
    """On PostgreSQL, move each id sequence past the imported ids so new rows don't collide."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        serial = [c for c in table.primary_key.columns if c.autoincrement is not False and _is_int(c)]
        if len(table.primary_key.columns) != 1 or not serial:
            continue
        column = serial[0]
        highest = connection.execute(select(func.max(column))).scalar()
        sequence = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": column.name}).scalar()
        if highest is not None and sequence is not None:
            connection.execute(text("SELECT setval(:s, :v)"), {"s": sequence, "v": highest})


def _is_int(column: Column[Any]) -> bool:
    return _python_type(column) is int


def _python_type(column: Column[Any]) -> type | None:
    kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    try:
        return kind.python_type
    except NotImplementedError:
        return None


def to_json(value: Any) -> Any:
    """A database value as JSON: instants, dates and times in ISO 8601, bytes in base64."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_json(column: Column[Any], value: Any) -> Any:
    """The inverse of `to_json`, guided by the column's type."""
    if value is None or not isinstance(value, str):
        return value
    kind = _python_type(column)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is time:
        return time.fromisoformat(value)
    if kind is bytes:
        return base64.b64decode(value)
    if kind is Decimal:
        return Decimal(value)
    return value


def find_workspaces(connection: Connection, key: str) -> list[tuple[int, str, str, str]]:
    """Workspaces whose external id or name is `key`: (id, platform, external id, name)."""
    table = Base.metadata.tables["workspaces"]
    query = select(table.c.id, table.c.platform, table.c.external_id, table.c.name).where(
        (table.c.external_id == key) | (table.c.name == key)).order_by(table.c.id)
    return [(row.id, row.platform, row.external_id, row.name) for row in connection.execute(query)]
