"""Socket Mode end to end: the real AsyncSocketModeHandler on the app HTTP mode builds, against the fake's WebSocket."""
from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from core.bus import Bus
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import APP_TOKEN, eventually, running_socket_bot
from tests.slack.test_commands import task
from tests.slack.test_negotiation import MENTION


@pytest.fixture
def socket_bot(bus: Bus, fake_slack: FakeSlack) -> Iterator[FakeSlack]:
    fake_slack.add_app_token(APP_TOKEN, "T1")
    with running_socket_bot(bus, fake_slack.api_url):
        fake_slack.socket_mode.wait_connected()
        yield fake_slack


def command_payload(user: str, text: str, response_url: str) -> dict[str, Any]:
    """What Slack puts in a `slash_commands` envelope: the same fields as the HTTP form."""
    return {"token": "legacy", "team_id": "T1", "team_domain": "acme", "channel_id": "C1", "channel_name": "general",
            "user_id": user, "user_name": user.lower(), "command": "/task", "text": text, "api_app_id": "A1",
            "is_enterprise_install": "false", "response_url": response_url, "trigger_id": "trigger-socket"}


def event_payload(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    """What Slack puts in an `events_api` envelope: the event_callback, as HTTP mode receives it."""
    return {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": event_id,
            "event_time": int(time.time()), "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UTANDEM", "is_bot": True}]}


def test_connects_with_the_app_token_and_gets_hello(socket_bot: FakeSlack) -> None:
    assert socket_bot.calls("apps.connections.open") == 1
    assert socket_bot.socket_mode.connected == 1


def test_a_slash_command_envelope_is_acked_stored_and_answered(socket_bot: FakeSlack,
                                                               uow_factory: SqlUnitOfWorkFactory) -> None:
    said = "add <@UBOB|bob> send the Q3 report by friday"
    envelope = socket_bot.send_envelope("slash_commands", command_payload("UALICE", said,
                                                                          socket_bot.response_url("s1")))
    assert socket_bot.wait_ack(envelope)["envelope_id"] == envelope
    answer = eventually(lambda: socket_bot.responses("s1"))[0]
    assert answer["response_type"] == "in_channel" and "@bob" in answer["text"]
    stored = task(uow_factory, 1)
    assert stored is not None and stored.title.lower().startswith("send the q3 report")


def test_a_mention_posts_a_card_and_its_retry_is_acked_without_a_second(socket_bot: FakeSlack) -> None:
    first = socket_bot.send_envelope("events_api", event_payload(MENTION, "EvSock1"))
    assert socket_bot.wait_ack(first)["envelope_id"] == first
    card = eventually(lambda: socket_bot.posts_to("C1"))[0]
    assert card.thread_ts == MENTION["thread_ts"]
    assert "/task confirm 1" in str(card.blocks)

    again = socket_bot.send_envelope("events_api", event_payload(MENTION, "EvSock1"), retry_attempt=1,
                                     retry_reason="timeout")
    assert socket_bot.wait_ack(again)["envelope_id"] == again
    time.sleep(0.3)
    assert len(socket_bot.posts_to("C1")) == 1


def test_an_interactive_envelope_is_acked_with_its_response_payload(socket_bot: FakeSlack) -> None:
    """A view_submission left blank: the ack carries `response_action: errors`, so the modal stays open."""
    meta = {"command": "/task decline T-1 <reason>", "response_url": socket_bot.response_url("x")}
    payload = {"type": "view_submission", "team": {"id": "T1", "domain": "acme"}, "api_app_id": "A1",
               "user": {"id": "UBOB", "team_id": "T1"},
               "view": {"id": "V1", "type": "modal", "callback_id": "tandem:decline",
                        "private_metadata": json.dumps(meta),
                        "state": {"values": {"reason": {"value": {"type": "plain_text_input", "value": ""}}}}}}
    envelope = socket_bot.send_envelope("interactive", payload)
    ack = socket_bot.wait_ack(envelope)
    assert ack["payload"] == {"response_action": "errors", "errors": {"reason": "Please fill this in."}}
    assert socket_bot.socket_mode.sent[-1]["accepts_response_payload"] is True
    assert socket_bot.responses("x") == []


def test_apps_connections_open_wants_an_app_level_token(fake_slack: FakeSlack) -> None:
    def call(token: str) -> dict[str, Any]:
        request = urllib.request.Request(fake_slack.api_url + "apps.connections.open", data=b"",
                                         headers={"Authorization": f"Bearer {token}"}, method="POST")
        with urllib.request.urlopen(request, timeout=5) as answer:
            return dict(json.loads(answer.read()))

    fake_slack.add_app_token(APP_TOKEN, "T1")
    assert call("xoxb-fake-1") == {"ok": False, "error": "not_allowed_token_type"}
    assert call("xapp-unknown")["error"] == "invalid_auth"
    opened = call(APP_TOKEN)
    assert opened["ok"] is True and opened["url"].startswith(f"ws://127.0.0.1:{fake_slack.port}/socket?ticket=")
