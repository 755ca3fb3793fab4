"""A real `tandem console` with `logging.format: json`: the reference a person sees is the request id logged."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.process.running import ROOT, migrated_sqlite


def test_the_reference_shown_is_the_request_id_of_a_json_log_line(tmp_path: Path) -> None:
    url = migrated_sqlite(tmp_path)
    database = url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        connection.execute("DROP TABLE admin_audit")  # what the next admin command needs is gone
    config = tmp_path / "app.yaml"
    config.write_text(f'database:\n  url: "{url}"\nlogging:\n  format: json\n  file: tandem.log\n')
    said = ":as alice admin\n/task admin audit\n:quit\n"
    done = subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "console", "--as", "alice"],
                          input=said, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    reference = re.search(r"reference (E-[0-9A-F]{6})", done.stdout)
    assert reference is not None and "Traceback" not in done.stdout
    lines = [json.loads(line) for line in (tmp_path / "tandem.log").read_text().splitlines()]
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert [(e["request_id"], e["platform"], e["logger"]) for e in errors] == [
        (reference.group(1), "console", "tandem.errors")]
    assert "admin_audit" in errors[0]["exception"]
