"""Cards shown as the direct (ephemeral) reply to a command follow the task through their response_url, while Slack
allows it: 30 minutes and 5 uses."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any

from adapters.slack.blocks import version_in
from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_negotiation import button


def accept_version(message: dict[str, Any]) -> str:
    return next(version_in(b.get("block_id", "")) for b in message["blocks"] if b["type"] == "actions")


def bob_sees_the_request(slack: SlackClient, fake_slack: FakeSlack,
                         uow_factory: SqlUnitOfWorkFactory) -> dict[str, Any]:
    slack.command("UALICE", "add <@UBOB|bob> book the venue by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    slack.command("UBOB", "show T-1", fake_slack.response_url("show"), channel="C1")
    shown = eventually(lambda: fake_slack.responses("show"))[0]
    assert shown["response_type"] == "ephemeral" and "Fri 6 Mar" in str(shown["blocks"])
    eventually(lambda: reply_cards_kept(uow_factory) == 1)  # remembered just after answering
    return shown


def reply_cards_kept(uow_factory: SqlUnitOfWorkFactory) -> int:
    """How many of bob's cards shown as replies Tandem remembers (it records them just after answering)."""
    with uow_factory() as uow:
        task = next(t for t in (uow.tasks.get_by_id(i) for i in range(1, 5)) if t is not None)
        return sum(1 for c in uow.cards.for_task(task.id or 0) if c.handle and c.recipient_id == task.owner_id)


def test_bobs_ephemeral_card_shows_the_new_date_alice_set(slack: SlackClient, fake_slack: FakeSlack,
                                                          deliverer: Deliverer,
                                                          uow_factory: SqlUnitOfWorkFactory) -> None:
    shown = bob_sees_the_request(slack, fake_slack, uow_factory)
    slack.command("UALICE", "due T-1 next tuesday", fake_slack.response_url("due"))
    eventually(lambda: fake_slack.responses("due"))

    edited = eventually(lambda: (deliverer.run_once(), fake_slack.responses("show")[1:])[1])[0]
    assert edited["replace_original"] is True
    assert "Updated by @alice: T-1 book the venue is waiting for an answer, due Tue 10 Mar." in edited["text"]
    assert "Tue 10 Mar" in str(edited["blocks"]) and "Fri 6 Mar" not in str(edited["blocks"])
    assert button(edited, "accept")["value"] == "/task accept T-1"
    assert accept_version(edited) != accept_version(shown)  # its buttons act on the task as it now is

    slack.click("UBOB", "tandem:accept", button(edited, "accept")["value"], edited, "C1",
                fake_slack.response_url("click"))
    assert "✓ Accepted by @bob" in eventually(lambda: fake_slack.responses("click"))[0]["text"]


def test_after_slacks_window_no_edit_is_tried_and_a_click_shows_the_task_as_it_is(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    shown = bob_sees_the_request(slack, fake_slack, uow_factory)
    clock.advance(timedelta(minutes=31))
    fake_slack.expire_response("show")
    slack.command("UALICE", "due T-1 next tuesday", fake_slack.response_url("due"))
    eventually(lambda: fake_slack.responses("due"))
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("UBOB")) > 1)  # bob is told in his DMs
    while deliverer.run_once():
        pass
    assert len(fake_slack.responses("show")) == 1 and fake_slack.refused_responses("show") == []

    old = button(shown, "accept")
    slack.click("UBOB", "tandem:accept", old["value"], shown, "C1", fake_slack.response_url("stale"), ephemeral=True)
    replaced = eventually(lambda: fake_slack.responses("stale"))[0]
    assert replaced["replace_original"] is True and "changed since this card was sent" in replaced["text"]
    assert "Tue 10 Mar" in str(replaced["blocks"])

    # the click's own response_url now keeps the card current
    eventually(lambda: reply_cards_kept(uow_factory) == 2)
    slack.command("UALICE", "due T-1 next thursday", fake_slack.response_url("due2"))
    edited = eventually(lambda: (deliverer.run_once(), fake_slack.responses("stale")[1:])[1])[0]
    assert "due Thu 12 Mar" in edited["text"] and "Thu 12 Mar" in str(edited["blocks"])


def test_a_reply_card_is_edited_at_most_as_often_as_its_response_url_allows(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, uow_factory: SqlUnitOfWorkFactory) -> None:
    bob_sees_the_request(slack, fake_slack, uow_factory)
    for n, day in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")):
        slack.command("UALICE", f"due T-1 next {day}", fake_slack.response_url(f"due{n}"))
        eventually(lambda n=n: fake_slack.responses(f"due{n}"))  # type: ignore[misc]
        while deliverer.run_once():
            pass
    assert len(fake_slack.responses("show")) == 5  # the reply and four edits: Slack's five uses
    assert fake_slack.refused_responses("show") == []


def post(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, json.dumps({"text": "hi"}).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_fake_response_url_takes_five_posts_within_thirty_minutes(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("r")
    assert [post(url) for _ in range(6)] == [(200, "ok")] * 5 + [(404, "used_url")]
    fake_slack.expire_response("late")
    assert post(fake_slack.response_url("late")) == (404, "expired_url")


def test_an_edit_that_waited_past_the_window_is_not_tried(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    bob_sees_the_request(slack, fake_slack, uow_factory)
    slack.command("UALICE", "due T-1 next tuesday", fake_slack.response_url("due"))
    eventually(lambda: fake_slack.responses("due"))
    clock.advance(timedelta(minutes=30))  # the deliverer was down; the edit is still queued
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("UBOB")) > 1)
    while deliverer.run_once():
        pass
    assert len(fake_slack.responses("show")) == 1 and fake_slack.refused_responses("show") == []
    with uow_factory() as uow:
        assert uow.delivery.claim(10, clock.now(), "probe", timedelta(seconds=5)) == []  # nothing left to retry
