"""`tandem import`: read an export back, by primary key, so importing twice changes nothing."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, Table, select
from sqlalchemy.exc import IntegrityError

from bot.backup.export import FORMAT, secret_tables
from storage.dump import data_tables, load_rows, reset_sequences
from storage.migrate import head, upgrade

MAX_LINE = 16 * 1024 * 1024


class ImportRefused(Exception):
    """The file is not an export this version can read; the message says what to do."""


class Counted:
    """Passes rows through, counting them."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows, self.count = rows, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            self.count += 1
            yield row


@dataclass(frozen=True)
class Outcome:
    read: int
    changed: int

    def render(self) -> str:
        if not self.changed:
            return f"Read {self.read} rows; the database already held all of them, so nothing changed."
        return f"Read {self.read} rows; {self.changed} were added or updated."


def load(engine: Engine, source: TextIO) -> Outcome:
    """Migrate the target, then insert or overwrite every row of the export in one transaction."""
    lines = _lines(source)
    _header(next(lines, None))  # refuses what is not an export of this schema
    upgrade(engine)
    tables = {table.name: table for table in data_tables(secret_tables())}
    read = changed = 0
    with engine.begin() as connection:
        touched: list[Table] = []
        for name, group in groupby(_records(lines, tables), key=lambda record: record[0]):
            counted = Counted(row for _, row in group)  # streamed: a table is never held whole in memory
            rows: Iterable[dict[str, Any]] = counted
            if name == "workspaces":
                rows = list(counted)
                _refuse_other_workspaces(connection, tables[name], rows)
            changed += _load(connection, tables[name], rows)
            read += counted.count
            touched.append(tables[name])
        reset_sequences(connection, touched)
    return Outcome(read, changed)


def _refuse_other_workspaces(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Rows keep their ids, so a database holding workspaces the export does not have would be overwritten."""
    incoming = {(row.get("id"), row.get("platform"), row.get("external_id")) for row in rows}
    present = connection.execute(select(table.c.id, table.c.platform, table.c.external_id)).all()
    others = sorted(f"{platform} {external}" for id_, platform, external in present
                    if (id_, platform, external) not in incoming)
    if others:
        raise ImportRefused(f"This database already holds other workspaces ({', '.join(others[:5])}). Import into "
                            "an empty database, or one filled by an earlier import of this data; nothing was imported.")


def _load(connection: Connection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    try:
        return load_rows(connection, table, rows)
    except IntegrityError as error:
        reason = str(error.orig).strip().splitlines()[0][:200] if error.orig else "a constraint failed"
        raise ImportRefused(f"The {table.name} rows clash with data already in this database ({reason}). "
                            "Import into an empty database, or one filled by an earlier import of this data; "
                            "nothing was imported.") from error


def _lines(source: TextIO) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(source, start=1):
        if len(line) > MAX_LINE:
            raise ImportRefused(f"Line {number} is longer than {MAX_LINE // 2**20} MiB; is this a Tandem export?")
        if line.strip():
            yield number, line


def _header(first: tuple[int, str] | None) -> dict[str, Any]:
    header = _parse(first) if first is not None else {}
    if not isinstance(header, dict) or header.get("tandem_export") != FORMAT:
        raise ImportRefused("This file does not start like a Tandem export. Make one with `tandem export > FILE`.")
    if header.get("schema") != head():
        raise ImportRefused(f"The export was made at schema {header.get('schema')}, this Tandem is at {head()}. "
                            "Run `tandem db upgrade` on the old database with this version, export again, "
                            "then import.")
    return header


def _records(lines: Iterator[tuple[int, str]], tables: dict[str, Table]) -> Iterator[tuple[str, dict[str, Any]]]:
    for number, line in lines:
        record = _parse((number, line))
        name = record.get("table") if isinstance(record, dict) else None
        row = record.get("row") if isinstance(record, dict) else None
        if name not in tables or not isinstance(row, dict):
            raise ImportRefused(f"Line {number} is not a row of a known table ({str(name)[:40]!r}).")
        yield str(name), row


def _parse(numbered: tuple[int, str]) -> Any:
    number, line = numbered
    try:
        return json.loads(line)
    except json.JSONDecodeError as error:
        raise ImportRefused(f"Line {number} is not valid JSON ({error.msg}).") from error
