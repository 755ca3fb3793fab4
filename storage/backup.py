"""Online backups of a SQLite database through SQLite's own backup API (safe while Tandem runs)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.database import parse_url


class BackupRefused(Exception):
    """The backup cannot be taken; the message says why and what to do instead."""


def sqlite_backup(url: str, target: Path) -> int:
    """Copy the SQLite database at `url` into the new file `target`; returns its size in bytes."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise BackupRefused("`tandem db backup` copies SQLite databases. For PostgreSQL use pg_dump, e.g. "
                            "pg_dump --format=custom --file=tandem.dump tandem (see docs/deploy.md), "
                            "or `tandem export` for a copy that loads into either database.")
    source = Path(parsed.database or "")
    if not parsed.database or parsed.database == ":memory:" or not source.is_file():
        raise BackupRefused(f"There is no SQLite database file at {parsed.database or '(none)'} to back up.")
    if target.exists():
        raise BackupRefused(f"{target} already exists; choose a new file name so no backup is overwritten.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()
    return target.stat().st_size
