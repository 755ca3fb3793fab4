"""Forged and malformed Slack requests: 401 (413 when huge), one warning line, and nothing else at all."""
from __future__ import annotations

import logging
import time
import urllib.parse

import pytest

from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient, signature

FORM = "application/x-www-form-urlencoded"
SECRET_WORDS = "prepare the layoff list"


def forged_body(response_url: str) -> bytes:
    return urllib.parse.urlencode({
        "command": "/task", "text": f"add {SECRET_WORDS}", "user_id": "UALICE", "team_id": "T1",
        "team_domain": "acme", "channel_id": "C1", "response_url": response_url, "trigger_id": "t"}).encode()


def good_headers(secret: str, body: bytes, stamp: int | None = None) -> dict[str, str]:
    timestamp = str(stamp if stamp is not None else int(time.time()))
    return {"X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": signature(secret, timestamp, body)}


def attempts(secret: str, body: bytes) -> dict[str, dict[str, str]]:
    """Header sets that must each be refused, by what is wrong with them."""
    good = good_headers(secret, body)
    now = int(time.time())
    return {
        "no headers": {},
        "no timestamp": {"X-Slack-Signature": good["X-Slack-Signature"]},
        "no signature": {"X-Slack-Request-Timestamp": good["X-Slack-Request-Timestamp"]},
        "empty timestamp": {**good, "X-Slack-Request-Timestamp": ""},
        "empty signature": {**good, "X-Slack-Signature": ""},
        "words for a timestamp": {**good, "X-Slack-Request-Timestamp": "abc"},
        "underscored timestamp": {**good, "X-Slack-Request-Timestamp": f"{now // 1000}_{now % 1000:03d}"},
        "negative timestamp": {**good, "X-Slack-Request-Timestamp": f"-{now}"},
        "huge timestamp": {**good, "X-Slack-Request-Timestamp": "9" * 400},
        "signature not v0": {**good, "X-Slack-Signature": "v1=" + good["X-Slack-Signature"][3:]},
        "signature not hex": {**good, "X-Slack-Signature": "v0=" + "z" * 64},
        "stale": good_headers(secret, body, now - 301),
        "from the future": good_headers(secret, body, now + 301),
        "wrong secret": good_headers("not-the-secret", body),
        "another body's signature": good_headers(secret, body + b"&x=1"),
    }


def test_a_forged_command_with_a_malformed_timestamp_posts_nothing_to_its_response_url(
        slack: SlackClient, fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("forged")
    status, _ = slack.post(forged_body(url), FORM, sign=False,
                           headers={"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"})
    assert status == 401
    assert fake_slack.traffic() == 0
    _a_genuine_command_is_answered(slack, fake_slack)
    assert not fake_slack.responses("forged")


@pytest.mark.parametrize("case", list(attempts("s", b"")))
def test_every_malformed_or_forged_request_is_refused_with_401_and_leaves_no_trace(
        case: str, slack: SlackClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    url = fake_slack.response_url("forged")
    body = forged_body(url)
    caplog.set_level(logging.DEBUG)
    status, answer = slack.post(body, FORM, sign=False, headers=attempts(slack.secret, body)[case])
    assert (status, answer) == (401, "invalid request")
    assert fake_slack.traffic() == 0
    refusals = [r for r in caplog.records if "refused a request" in r.getMessage()]
    assert len(refusals) == 1 and refusals[0].levelno == logging.WARNING
    assert "127.0.0.1" in refusals[0].getMessage()
    assert not any(SECRET_WORDS.replace(" ", "+") in r.getMessage() or SECRET_WORDS in r.getMessage()
                   for r in caplog.records)
    with uow_factory() as uow:
        assert uow.workspaces.by_external("slack", "T1") is None, "nothing was written"
    _a_genuine_command_is_answered(slack, fake_slack)
    assert not fake_slack.responses("forged")


def test_a_huge_body_is_refused_with_413_unread(slack: SlackClient, fake_slack: FakeSlack,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    body = forged_body(fake_slack.response_url("forged")) + b"&pad=" + b"x" * (2 * 1024 * 1024)
    status, _ = slack.post(body, FORM)  # correctly signed, but far larger than anything Slack sends
    assert status == 413
    assert fake_slack.traffic() == 0
    assert any("larger than" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)


def test_an_event_with_a_forged_signature_reaches_no_listener(slack: SlackClient, fake_slack: FakeSlack) -> None:
    status, _ = slack.event({"type": "app_mention", "user": "UALICE", "channel": "C1", "ts": "1.2",
                             "text": "<@UTANDEM> can <@UBOB> fix it by friday"}, "EvForged", secret="forged")
    assert status == 401
    assert fake_slack.traffic() == 0


def _a_genuine_command_is_answered(slack: SlackClient, fake_slack: FakeSlack) -> None:
    """A signed command after the forged one is answered: the server works, and had its chance to misbehave."""
    assert slack.command("UALICE", "help", fake_slack.response_url("genuine"))[0] == 200
    eventually(lambda: fake_slack.responses("genuine"))
