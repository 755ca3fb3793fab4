"""The CLI of install and back up: init, --version, health, export/import and db backup, as an operator types them."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from storage.database import make_engine
from storage.migrate import upgrade
from tests.backup.seeding import as_file, seed

ROOT = Path(__file__).resolve().parents[2]


def _config(folder: Path, url: str) -> Path:
    path = folder / "app.yaml"
    path.write_text(f'database:\n  url: "{url}"\nlogging:\n  level: WARNING\n')
    return path


def test_init_writes_the_reference_config_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    written = tmp_path / "app.yaml"
    assert written.read_text() == (ROOT / "app.yaml").read_text()
    written.write_text("# my edits\n")
    assert main(["init"]) == 2
    assert "already exists" in capsys.readouterr().err and written.read_text() == "# my edits\n"
    assert main(["init", "--force"]) == 0
    assert main(["--config", str(written), "config", "check"]) == 0
    assert "app.yaml is valid" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("tandem 0.")


def test_health_says_what_is_wrong_until_the_schema_is_current(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    config = str(_config(tmp_path, f"sqlite:///{tmp_path / 'tandem.sqlite'}"))
    assert main(["--config", config, "health"]) == 1
    assert "run `tandem db upgrade`" in capsys.readouterr().err
    assert main(["--config", config, "db", "upgrade"]) == 0
    assert main(["--config", config, "health"]) == 0
    assert "healthy" in capsys.readouterr().out


def test_export_to_a_file_and_import_it_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    target.mkdir()
    source_config = str(_config(source, f"sqlite:///{source / 'tandem.sqlite'}"))
    assert main(["--config", source_config, "db", "upgrade"]) == 0
    engine = make_engine(f"sqlite:///{source / 'tandem.sqlite'}")
    seed(engine)
    engine.dispose()
    dump = tmp_path / "acme.jsonl"
    assert main(["--config", source_config, "export", "--workspace", "acme", "-o", str(dump)]) == 0
    assert "Exported" in capsys.readouterr().err
    target_config = str(_config(target, f"sqlite:///{target / 'tandem.sqlite'}"))
    assert main(["--config", target_config, "import", str(dump)]) == 0
    assert "were added or updated" in capsys.readouterr().out
    assert main(["--config", target_config, "import", str(dump)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert main(["--config", target_config, "export", "--workspace", "nowhere"]) == 2
    assert "No workspace is called 'nowhere'" in capsys.readouterr().err


def test_import_reads_standard_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = make_engine(f"sqlite:///{tmp_path / 'source.sqlite'}")
    upgrade(source)
    seed(source)
    monkeypatch.setattr("sys.stdin", as_file(source))
    source.dispose()
    config = str(_config(tmp_path, f"sqlite:///{tmp_path / 'target.sqlite'}"))
    assert main(["--config", config, "import", "-"]) == 0
    assert "were added or updated" in capsys.readouterr().out


def test_import_of_a_missing_file_says_what_to_give(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(_config(tmp_path, f"sqlite:///{tmp_path / 'tandem.sqlite'}"))
    assert main(["--config", config, "import", str(tmp_path / "nope.jsonl")]) == 2
    assert "Give the file written by `tandem export`" in capsys.readouterr().err


def test_db_backup_copies_a_live_sqlite_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(_config(tmp_path, f"sqlite:///{tmp_path / 'tandem.sqlite'}"))
    assert main(["--config", config, "db", "upgrade"]) == 0
    engine = make_engine(f"sqlite:///{tmp_path / 'tandem.sqlite'}")
    seed(engine)
    with engine.connect():  # another connection stays open while the backup runs
        assert main(["--config", config, "db", "backup", str(tmp_path / "copy.sqlite")]) == 0
    engine.dispose()
    with sqlite3.connect(tmp_path / "copy.sqlite") as copy:
        assert copy.execute("SELECT count(*) FROM tasks").fetchone()[0] == 4
    copy.close()
    assert main(["--config", config, "db", "backup", str(tmp_path / "copy.sqlite")]) == 2
    assert "already exists" in capsys.readouterr().err


def test_db_backup_points_postgresql_to_pg_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(_config(tmp_path, "postgresql+psycopg://tandem@127.0.0.1:1/tandem"))
    assert main(["--config", config, "db", "backup", str(tmp_path / "copy.sqlite")]) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert main(["--config", config, "db", "backup"]) == 2
