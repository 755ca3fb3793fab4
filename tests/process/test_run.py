"""`tandem run` with Slack enabled serves Slack's endpoints next to the scheduler."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from tests.fakeslack import running_fake_slack
from tests.process.running import TOKEN, free_port, migrated_sqlite, start_tandem, stop, wait_until, write_config


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def test_tandem_run_serves_slack_events_and_health_on_the_configured_port(tmp_path: Path) -> None:
    url = migrated_sqlite(tmp_path)
    port = free_port()
    with running_fake_slack() as fake:
        fake.add_token(TOKEN, "T1")
        process = start_tandem(write_config(tmp_path, url, fake, port=port))
        try:
            wait_until(lambda: _healthy(port), 30, "GET /healthz to answer")
            request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=b"{}", method="POST")
            try:
                urllib.request.urlopen(request, timeout=5)
                status = 200
            except urllib.error.HTTPError as refused:
                status = refused.code
            assert status == 401  # unsigned: refused before anything happens
        finally:
            stop(process)
