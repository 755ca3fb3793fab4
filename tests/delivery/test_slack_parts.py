"""The Slack sender's error mapping, the Block Kit rendering and the pacer, each on its own."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from adapters.slack.blocks import fallback_text, notice_blocks
from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from core.delivery import DeliveryFailed
from core.outbox import OutboxEntry
from core.outcome import Action, Card, Notice
from core.people import Person, Workspace
from tests.delivery.builders import TEAM, TOKEN
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
WORKSPACE = Workspace("slack", TEAM, "Team", id=1)


class ManualTime:
    """A monotonic clock that moves only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def entry(text: str = "hello <b> & co", conversation: str | None = None, **payload: object) -> OutboxEntry:
    return OutboxEntry(1, "notice", {"text": text, **payload}, "k", WHEN, WHEN, 1, conversation, id=1)


def person(user: str | None = "U1") -> Person:
    return Person(1, "Ana", "ana", id=1, identities={"slack": user} if user else {})


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake_slack(Limits(channel_rate=1, channel_burst=2, workspace_rate=100, workspace_burst=100)) as made:
        made.add_token(TOKEN, TEAM)
        made.add_user("U1")
        made.add_channel("C1")
        yield made


def sender(fake: FakeSlack, pacer: SlackPacer | None = None, timeout: float = 10) -> SlackSender:
    return SlackSender(lambda ws: TOKEN, fake.api_url, pacer or SlackPacer(100, 100, 100, 100), timeout=timeout)


def test_a_dm_goes_to_the_user_id_and_a_post_to_the_conversation(fake: FakeSlack) -> None:
    sender(fake).send(entry(), WORKSPACE, person())
    sender(fake).send(entry(conversation="C1"), WORKSPACE, None)
    escaped = "hello &lt;b&gt; &amp; co"  # the fallback text is escaped like the blocks: notifications show it
    assert [(p.channel, p.text) for p in fake.posted] == [("U1", escaped), ("C1", escaped)]
    assert fake.posted[0].blocks[0]["text"]["text"] == "hello &lt;b&gt; &amp; co"


@pytest.mark.parametrize(("setup", "permanent", "retry_after"), [
    (lambda f: f.rate_limit_next(1, retry_after=4), False, 4.0),
    (lambda f: f.fail_next(1, status=502), False, None),
    (lambda f: f.channel_error("U1", "user_not_found"), True, None),
    (lambda f: f.channel_error("U1", "account_inactive"), True, None),
    (lambda f: f.error_next(1, "internal_error"), False, None),
    (lambda f: f.revoke(TOKEN), True, None),
    (lambda f: f.fail_next(1, status=404), True, None),
])
def test_errors_map_to_permanent_or_retryable_failures(
    fake: FakeSlack, setup: object, permanent: bool, retry_after: float | None
) -> None:
    setup(fake)  # type: ignore[operator]
    with pytest.raises(DeliveryFailed) as failed:
        sender(fake).send(entry(), WORKSPACE, person())
    assert (failed.value.permanent, failed.value.retry_after) == (permanent, retry_after)
    assert fake.calls() == 1  # never retried inside slack_sdk
    assert fake.posted == []


def test_unknown_users_a_bad_token_and_a_missing_identity_are_permanent(fake: FakeSlack) -> None:
    tokens = {TEAM: TOKEN}
    slack = SlackSender(lambda ws: tokens[ws.external_id], fake.api_url, SlackPacer())
    for recipient, token in ((person("U404"), TOKEN), (person(), "xoxb-wrong"), (person(None), TOKEN)):
        tokens[TEAM] = token
        with pytest.raises(DeliveryFailed) as failed:
            slack.send(entry(), WORKSPACE, recipient)
        assert failed.value.permanent, failed.value.reason


def test_a_timeout_and_a_dead_server_are_retryable(fake: FakeSlack) -> None:
    fake.slow_next(1, delay=2.5)
    with pytest.raises(DeliveryFailed) as failed:
        sender(fake, timeout=1).send(entry(), WORKSPACE, person())
    assert not failed.value.permanent
    dead = SlackSender(lambda ws: TOKEN, "http://127.0.0.1:9/api/", SlackPacer(), timeout=1)
    with pytest.raises(DeliveryFailed) as failed:
        dead.send(entry(), WORKSPACE, person())
    assert not failed.value.permanent


def test_a_429_pauses_the_workspace_in_the_pacer(fake: FakeSlack) -> None:
    time_ = ManualTime()
    pacer = SlackPacer(100, 100, 100, 100, clock=time_.clock, sleep=time_.sleep)
    fake.rate_limit_next(1, retry_after=3)
    with pytest.raises(DeliveryFailed):
        sender(fake, pacer).send(entry(), WORKSPACE, person())
    sender(fake, pacer).send(entry(), WORKSPACE, person())
    assert sum(time_.slept) == pytest.approx(3.0)
    assert len(fake.posted) == 1


def test_the_fake_answers_429_with_retry_after_when_a_channel_is_flooded(fake: FakeSlack) -> None:
    unpaced = SlackPacer(1000, 1000, 1000, 1000)
    outcomes = []
    for _ in range(4):
        try:
            sender(fake, unpaced).send(entry(), WORKSPACE, person())
            outcomes.append("ok")
        except DeliveryFailed as failure:
            outcomes.append(f"retry after {failure.retry_after}")
    assert outcomes[:2] == ["ok", "ok"] and outcomes[2] == "retry after 1.0"


def test_blocks_render_text_card_fields_and_at_most_five_buttons_per_block() -> None:
    actions = tuple(Action(f"v{i}", f"Do {i}", f"/task v{i} T-1", "primary" if i == 0 else "default") for i in range(7))
    notice = Notice(1, "request", "Please review", card=Card("Review", (("Due", "Fri"),), "T-1"), actions=actions)
    blocks = notice_blocks(notice.payload())
    assert [b["type"] for b in blocks] == ["section", "section", "actions", "actions"]
    assert blocks[1]["fields"] == [{"type": "mrkdwn", "text": "*Due*\nFri", "verbatim": True}]
    assert [len(b["elements"]) for b in blocks[2:]] == [5, 2]
    first = blocks[2]["elements"][0]
    assert (first["action_id"], first["value"], first["style"]) == ("tandem:v0", "/task v0 T-1", "primary")
    assert "style" not in blocks[2]["elements"][1]
    assert fallback_text(notice.payload()) == "Please review"
    assert fallback_text({"text": "", "card": {"heading": "Review"}}) == "Review"


def test_the_pacer_lets_a_burst_through_then_one_a_second_per_channel() -> None:
    time_ = ManualTime()
    pacer = SlackPacer(workspace_rate=100, workspace_burst=100, channel_rate=1, channel_burst=3,
                       clock=time_.clock, sleep=time_.sleep)
    start = time_.now
    stamps = []
    for _ in range(5):
        pacer.acquire("T1", "U1")
        stamps.append(round(time_.now - start, 6))
    pacer.acquire("T1", "U2")  # another channel is not held back
    assert stamps == [0, 0, 0, 1, 2]
    assert time_.now - start == 2


def test_the_pacer_holds_a_workspace_to_its_rate_across_threads() -> None:
    pacer = SlackPacer(workspace_rate=200, workspace_burst=1, channel_rate=1000, channel_burst=1000)
    started = time.monotonic()
    def burst(thread: int) -> None:
        for n in range(25):
            pacer.acquire("T1", f"U{thread}-{n}")

    threads = [threading.Thread(target=burst, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert time.monotonic() - started >= 99 / 200 * 0.95
