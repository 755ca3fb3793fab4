"""Replies made while answering wait out Slack's 429 + Retry-After instead of being lost."""
from __future__ import annotations

import time

from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_negotiation import MENTION


def test_a_rate_limited_card_is_posted_once_after_retry_after(slack: SlackClient, fake_slack: FakeSlack) -> None:
    fake_slack.rate_limit_next(1, retry_after=1, method="chat.postMessage")
    started = time.monotonic()
    assert slack.event(MENTION, "EvLimited")[0] == 200

    cards = eventually(lambda: fake_slack.posts_to("C1"))
    waited = time.monotonic() - started
    assert waited >= 0.9
    time.sleep(0.5)
    cards = fake_slack.posts_to("C1")
    assert len(cards) == 1
    assert cards[0].thread_ts == MENTION["thread_ts"]
    assert any(e.get("action_id") == "tandem:create" for b in cards[0].blocks for e in b.get("elements", []))
