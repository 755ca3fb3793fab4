"""With one bot token (no OAuth), app_uninstalled and tokens_revoked are acknowledged, logged, and stop the sends."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import RemovedWorkspaces, SlackSender
from bot.bootstrap import build
from bot.config import Config
from bot.config.model import DatabaseConfig, SlackConfig
from bot.slack.main import serve_http, slack_app
from core.clock import SystemClock
from core.delivery import DeliveryFailed
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from tests.fakeslack import FakeSlack
from tests.slack.botserver import SECRET, TOKEN, Loop

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


@contextmanager
def single_token_app(database_url: str, fake: FakeSlack, removed: RemovedWorkspaces) -> Iterator[str]:
    """`tandem run`'s Slack app on one bot token, served over HTTP; yields the /slack/events URL."""
    config = Config(database=DatabaseConfig(url=database_url),
                    slack=SlackConfig(enabled=True, bot_token=TOKEN, signing_secret=SECRET, api_url=fake.api_url))
    tandem = build(config, SystemClock())
    loop = Loop()

    async def start() -> Any:
        return await serve_http(slack_app(config, tandem, removed), "127.0.0.1", 0, SECRET)

    runner = loop.run(start())
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}/slack/events"
    finally:
        loop.run(runner.cleanup())
        loop.stop()
        tandem.close()


def signed_event(url: str, event: dict[str, Any], team: str = "T1") -> int:
    body = {"type": "event_callback", "team_id": team, "api_app_id": "A1", "event_id": f"Ev{time.time_ns()}",
            "event_time": int(time.time()), "event": event}
    raw, stamp = json.dumps(body).encode(), str(int(time.time()))
    signature = hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + raw, hashlib.sha256).hexdigest()
    request = urllib.request.Request(url, data=raw, method="POST", headers={
        "Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={signature}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as refused:
        return int(refused.code)


def wait_for(condition: Any, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen"
        time.sleep(0.02)


def notice_for(team: str) -> tuple[OutboxEntry, Workspace, Person]:
    workspace = Workspace(platform="slack", external_id=team, name=team, id=1)
    person = Person(workspace_id=1, display_name="Bob", handle="bob", id=2, identities={"slack": "U100"})
    entry = OutboxEntry(workspace_id=1, kind="reminder", payload={"text": "Reminder", "card": None, "actions": []},
                        dedupe_key="r:1", created_at=NOW, not_before=NOW, recipient_id=2, id=1)
    return entry, workspace, person


@pytest.mark.parametrize("event", [
    {"type": "app_uninstalled"},
    {"type": "tokens_revoked", "tokens": {"bot": ["UBOT"]}},
])
def test_removing_the_app_is_acknowledged_logged_and_stops_sending_there(
    database_url: str, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture, event: dict[str, Any]
) -> None:
    removed = RemovedWorkspaces()
    with caplog.at_level(logging.WARNING, logger="tandem.slack"), single_token_app(database_url, fake_slack,
                                                                                    removed) as url:
        assert signed_event(url, event, team="T1") == 200
        wait_for(lambda: "T1" in removed, "the listener")
    assert "T2" not in removed
    assert any("Slack workspace T1" in r.getMessage() and "reinstall the app" in r.getMessage()
               for r in caplog.records)

    sender = SlackSender(lambda _workspace: TOKEN, fake_slack.api_url, SlackPacer(), removed=removed)
    calls = fake_slack.calls()
    with pytest.raises(DeliveryFailed) as refused:
        sender.send(*notice_for("T1"))
    assert not refused.value.permanent and refused.value.retry_after == 3600.0
    assert fake_slack.calls() == calls  # nothing was sent to Slack for that workspace


def test_a_revoked_user_token_alone_changes_nothing(database_url: str, fake_slack: FakeSlack) -> None:
    removed = RemovedWorkspaces()
    with single_token_app(database_url, fake_slack, removed) as url:
        assert signed_event(url, {"type": "tokens_revoked", "tokens": {"oauth": ["U1"]}}) == 200
    assert "T1" not in removed
