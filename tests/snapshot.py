"""Everything in the database as plain data, to show that a refused command wrote nothing."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from storage.rows import Base


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    with engine.connect() as connection:
        return {table.name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
                for table in Base.metadata.sorted_tables}
