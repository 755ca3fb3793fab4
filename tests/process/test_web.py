"""A real `tandem run` answers /healthz, /readyz, /metrics and calendar feeds on its one web server."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from datetime import date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from storage.migrate import downgrade
from tests.fakeslack import FakeSlack
from tests.process.running import (
    Tandem,
    fake_slack_with,
    free_port,
    migrated_sqlite,
    start_tandem,
    wait_until,
    write_config,
)
from tests.slack.signing import SlackClient

SECRET = "process-test-secret"
ADDRESS = re.compile(r"(http://127\.0\.0\.1:\d+/calendar/[A-Za-z0-9_-]{43}\.ics)")


def _get(url: str) -> tuple[int, str, str]:
    """Status, content type and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return int(answer.status), answer.headers.get("Content-Type", ""), answer.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.headers.get("Content-Type", ""), error.read().decode()


def _say(slack: SlackClient, fake: FakeSlack, user: str, text: str, name: str) -> dict[str, object]:
    """A signed /task command to the running Tandem; the answer it posted to the response_url."""
    assert slack.command(user, text, fake.response_url(name))[0] == 200
    wait_until(lambda: bool(fake.responses(name)), 30, f"the answer to /task {text}")
    return dict(fake.responses(name)[0])


def _address(answer: dict[str, object]) -> str:
    assert answer["response_type"] == "ephemeral"  # the address is a secret: never posted in the channel
    found = ADDRESS.search(str(answer["text"]))
    assert found, answer
    return found.group(1)


def _running(tmp_path: Path, fake: FakeSlack) -> tuple[Tandem, str, str]:
    url, port = migrated_sqlite(tmp_path), free_port()
    process = start_tandem(write_config(tmp_path, url, fake, port=port))
    process.wait_ready()
    return process, url, f"http://127.0.0.1:{port}"


def test_health_readiness_and_metrics_answer_and_readiness_fails_when_the_schema_is_behind(tmp_path: Path) -> None:
    with fake_slack_with(["UALICE"]) as fake:
        process, url, base = _running(tmp_path, fake)
        try:
            assert _get(f"{base}/healthz")[0] == 200
            status, _, body = _get(f"{base}/readyz")
            assert (status, json.loads(body)) == (200, {"ok": True})
            slack = SlackClient(f"{base}/slack/events", SECRET)
            _say(slack, fake, "UALICE", "add send the Q3 report by friday", "add")
            status, kind, metrics = _get(f"{base}/metrics")
            assert status == 200 and kind.startswith("text/plain")
            assert 'tandem_commands_total{outcome="ok",verb="AddTask"} 1.0' in metrics
            assert 'tandem_ack_seconds_count{platform="slack"}' in metrics
            assert "tandem_outbox_pending " in metrics and "tandem_outbox_oldest_due_seconds " in metrics
            assert "tandem_scheduler_lag_seconds_count " in metrics
            downgrade(url, "0009_scale")
            status, _, body = _get(f"{base}/readyz")
            assert status == 503
            assert "0009_scale" in json.loads(body)["reason"] and "tandem db upgrade" in json.loads(body)["reason"]
            assert _get(f"{base}/healthz")[0] == 200  # alive all the same: a restart would not help
        finally:
            process.stop()


def test_a_calendar_address_serves_only_its_owners_dated_work_and_reset_revokes_it(tmp_path: Path) -> None:
    with fake_slack_with(["UALICE", "UBOB"]) as fake:
        process, _, base = _running(tmp_path, fake)
        try:
            slack = SlackClient(f"{base}/slack/events", SECRET)
            _say(slack, fake, "UALICE", "add send the Q3 report by friday", "a1")
            _say(slack, fake, "UALICE", "add call the bank tomorrow 3pm", "a2")
            _say(slack, fake, "UBOB", "add --private see the doctor by friday", "b1")
            address = _address(_say(slack, fake, "UALICE", "calendar", "cal"))
            status, kind, body = _get(address)
            assert status == 200 and kind.startswith("text/calendar")
            events = {str(e["summary"]): e for e in Calendar.from_ical(body).walk("VEVENT")}
            assert set(events) == {"T-1 send the Q3 report", "T-2 call the bank"}  # not bob's private T-3
            report, call = events["T-1 send the Q3 report"]["dtstart"].dt, events["T-2 call the bank"]["dtstart"].dt
            assert isinstance(report, date) and not isinstance(report, datetime)
            assert isinstance(call, datetime) and call.utcoffset() == timedelta(0) and call.hour == 15
            new = _address(_say(slack, fake, "UALICE", "calendar reset", "reset"))
            assert _get(address)[:3:2] == (404, "not found")
            assert _get(new)[0] == 200
            assert _get(f"{base}/calendar/{'x' * 43}.ics")[:3:2] == (404, "not found")
        finally:
            process.stop()
