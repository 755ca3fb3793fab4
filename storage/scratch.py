"""A throw-away PostgreSQL schema, for tests and benchmarks that must not touch real data."""
from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError


@contextmanager
def scratch_schema(server: str, prefix: str = "scratch") -> Iterator[str]:
    """A URL on a new schema `<prefix>_<random>` of `server`, dropped with everything in it afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
            yield url.render_as_string(hide_password=False)
        finally:
            _drop(admin, schema)
    finally:
        admin.dispose()


def _drop(admin: Engine, schema: str, attempts: int = 5) -> None:
    """Drop the schema; a straggling connection (a background task finishing) can deadlock it once, so retry."""
    for attempt in range(attempts):
        try:
            with admin.connect() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
