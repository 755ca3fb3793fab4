"""The web server without Slack: a Discord-only or monitoring-only `tandem run`, a port already taken, and
`tandem calendar` printing the feed the web server serves."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from icalendar import Calendar

from core import commands as c
from core.bus import Bus
from core.clock import SystemClock
from core.identity import Identity
from storage.database import make_engine
from storage.uow import SqlUnitOfWorkFactory
from tests.process.running import ROOT, free_port, migrated_sqlite, start_tandem


def _web_only(folder: Path, url: str, port: int) -> Path:
    path = folder / "app.yaml"
    path.write_text(f'database:\n  url: "{url}"\nconsole:\n  enabled: false\n'
                    f"web:\n  enabled: true\n  port: {port}\nlogging:\n  level: WARNING\n")
    return path


def _seed(url: str) -> None:
    """alice in workspace acme with one dated task and bob's private one."""
    engine = make_engine(url)
    bus = Bus(SqlUnitOfWorkFactory(engine), SystemClock())
    for name, said, private in (("alice", "send the Q3 report by friday", False),
                                ("bob", "see the doctor by friday", True)):
        speaker = bus.identify(Identity("console", "acme", "acme", name, name, handle=name))
        bus.execute(c.AddTask(said, private=private), speaker)
    engine.dispose()


def _tandem(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TANDEM_"))}
    return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_with_only_the_web_server_enabled_tandem_run_serves_health_and_metrics(tmp_path: Path) -> None:
    port = free_port()
    process = start_tandem(_web_only(tmp_path, migrated_sqlite(tmp_path), port))
    try:
        process.wait_ready()
        for path in ("/healthz", "/readyz", "/metrics"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
                assert answer.status == 200, path
    finally:
        assert "Tandem stopped" in process.stop()


def test_a_port_already_taken_stops_tandem_run_saying_which_setting_to_change(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        answer = _tandem(_web_only(tmp_path, migrated_sqlite(tmp_path), port), "run")
    assert answer.returncode == 2
    assert f"can't listen on 127.0.0.1:{port}" in answer.stderr and "web.port" in answer.stderr
    assert "Tandem is running" not in answer.stderr


def test_tandem_calendar_prints_the_persons_feed_and_names_a_missing_person(tmp_path: Path) -> None:
    url = migrated_sqlite(tmp_path)
    _seed(url)
    config = _web_only(tmp_path, url, free_port())
    answer = _tandem(config, "calendar", "--workspace", "acme", "--person", "alice")
    assert answer.returncode == 0, answer.stderr
    events = [str(e["summary"]) for e in Calendar.from_ical(answer.stdout).walk("VEVENT")]
    assert events == ["T-1 send the Q3 report"]  # bob's private T-2 is not alice's to see
    missing = _tandem(config, "calendar", "--workspace", "acme", "--person", "zed")
    assert missing.returncode == 2 and "Nobody is called 'zed' in 'acme'" in missing.stderr
