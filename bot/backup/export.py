"""`tandem export`: every table of the schema (or one workspace's rows) as JSON lines."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, Table

from storage.dump import SECRET_NAMES, SECRET_TABLES, data_tables, dump_rows, existing, find_workspaces
from storage.migrate import head

FORMAT = 1
Row = dict[str, Any]


class ExportRefused(Exception):
    """The export cannot start; the message says how to ask for it right."""


@dataclass(frozen=True)
class Summary:
    rows: dict[str, int]

    def render(self) -> str:
        counted = ", ".join(f"{count} {table}" for table, count in self.rows.items() if count)
        return f"Exported {sum(self.rows.values())} rows ({counted or 'nothing yet'})."


def secret_tables() -> list[Table]:
    """Tables that hold platform credentials: exported only with --with-secrets."""
    return list(SECRET_TABLES)


def export(engine: Engine, out: TextIO, workspace: str | None = None, with_secrets: bool = False) -> Summary:
    """Write a header line, then one {"table", "row"} line per row, parents before children."""
    with engine.connect() as connection:
        workspace_id, team = _workspace(connection, workspace) if workspace is not None else (None, None)
        tables = existing(connection, data_tables(secret_tables() if with_secrets else ()))
        header = {"tandem_export": FORMAT, "schema": head(), "workspace": workspace, "with_secrets": with_secrets,
                  "tables": [table.name for table in tables]}
        out.write(json.dumps(header, sort_keys=True) + "\n")
        counts: dict[str, int] = {}
        for table in tables:
            counts[table.name] = 0
            for row in _rows(connection, table, workspace_id, team):
                out.write(json.dumps({"table": table.name, "row": row}, sort_keys=True, ensure_ascii=False) + "\n")
                counts[table.name] += 1
    return Summary(counts)


def _rows(connection: Connection, table: Table, workspace_id: int | None, team: str | None) -> Iterator[Row]:
    if table.name not in SECRET_NAMES:
        return dump_rows(connection, table, workspace_id)
    rows = dump_rows(connection, table)
    return rows if team is None else (row for row in rows if row.get("team_id") == team)  # that team's tokens


def _workspace(connection: Connection, key: str) -> tuple[int, str]:
    found = find_workspaces(connection, key)
    if not found:
        raise ExportRefused(f"No workspace is called {key!r}. Give its name or its platform id "
                            "(the Slack team id, the Discord server id, or the console workspace name).")
    if len(found) > 1:
        listed = "; ".join(f"{platform} {external} ({name})" for _, platform, external, name in found)
        raise ExportRefused(f"{key!r} names several workspaces ({listed}); give the platform id instead.")
    return found[0][0], found[0][2]
