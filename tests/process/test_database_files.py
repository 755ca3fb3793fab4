"""Damaged and read-only SQLite files: one clear line and exit 2, or (db current) a plain answer, never a traceback."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from storage.migrate import head
from tests.process.running import ROOT, migrated_sqlite


def damaged_line(database: Path, reason: str) -> str:
    return (f"Tandem can't use its database: The SQLite file {database} is damaged ({reason}). Restore it from a "
            "backup, or move it aside to start with an empty database.\n")


def config_for(folder: Path, database: Path) -> Path:
    path = folder / "app.yaml"
    path.write_text(f'database:\n  url: "sqlite:///{database}"\n')
    return path


def damage_a_page(database: Path) -> None:
    """Overwrite the tasks table's root page, as a failing disk or a torn copy would."""
    with sqlite3.connect(database) as connection:
        (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tasks'").fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with database.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * page_size)


@pytest.mark.parametrize("command", [["db", "current"], ["db", "upgrade"], ["console"]])
def test_a_file_with_damaged_pages_gets_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    migrated_sqlite(tmp_path)
    database = tmp_path / "tandem.sqlite"
    damage_a_page(database)
    assert main(["--config", str(config_for(tmp_path, database)), *command]) == 2
    err = capsys.readouterr().err
    assert err == damaged_line(database, "database disk image is malformed")


@pytest.mark.parametrize("command", [["db", "current"], ["console"]])
def test_a_file_that_is_not_a_database_gets_the_same_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    database = tmp_path / "tandem.sqlite"
    database.write_bytes(b"these are my notes, not a database\n" * 200)
    assert main(["--config", str(config_for(tmp_path, database)), *command]) == 2
    err = capsys.readouterr().err
    assert err == damaged_line(database, "file is not a database")


def without_root_powers() -> list[str]:
    """As root, drop the capabilities that ignore file permissions, so a read-only file really is read-only."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to apply")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


def test_db_current_reads_a_read_only_database_in_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    migrated_sqlite(folder)
    database = folder / "tandem.sqlite"
    config = config_for(tmp_path, database)
    database.chmod(0o444)
    folder.chmod(0o555)
    try:
        answer = subprocess.run([*without_root_powers(), sys.executable, "-m", "bot", "--config", str(config), "db",
                                 "current"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        folder.chmod(0o755)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith(f"Database schema: {head()} (latest: {head()})")
    assert sorted(p.name for p in folder.iterdir()) == ["tandem.sqlite"]
