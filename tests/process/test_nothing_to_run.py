"""`tandem run` with neither Slack nor Discord enabled says what to enable and exits 2, terminal or not."""
from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.process.running import ROOT


def nothing_enabled(folder: Path) -> Path:
    path = folder / "app.yaml"
    path.write_text(f'database:\n  url: "sqlite:///{folder / "tandem.sqlite"}"\n')
    return path


def run_tandem(config: Path, stdin: int | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TANDEM_"))}
    return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), "run"], cwd=ROOT, env=env,
                          stdin=stdin, capture_output=True, text=True, timeout=120)


def test_with_stdin_not_a_terminal_it_says_what_to_enable_and_exits_2(tmp_path: Path) -> None:
    answer = run_tandem(nothing_enabled(tmp_path), subprocess.DEVNULL)
    assert answer.returncode == 2
    assert answer.stderr.startswith("Nothing to run: neither Slack nor Discord nor the web server is enabled")
    assert "`tandem console`" in answer.stderr and "docs/slack.md" in answer.stderr and answer.stdout == ""
    assert not (tmp_path / "tandem.sqlite").exists()  # nothing was started, not even the database


def test_in_a_terminal_it_does_the_same(tmp_path: Path) -> None:
    terminal, other_end = pty.openpty()
    try:
        answer = run_tandem(nothing_enabled(tmp_path), other_end)
    finally:
        os.close(terminal)
        os.close(other_end)
    assert answer.returncode == 2
    assert answer.stderr.startswith("Nothing to run:")
