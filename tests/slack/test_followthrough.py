"""Follow-through on Slack: a request made in a thread hears its answers there, and its card there is edited in
place; never in a conversation where someone may not see the task."""
from __future__ import annotations

from typing import Any

from bot.delivery.deliverer import Deliverer
from tests.fakeslack import FakeSlack, Posted
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_negotiation import as_message, button

THREAD = "1700000000.000001"


def _mention(channel: str) -> dict[str, Any]:
    return {"type": "app_mention", "user": "UALICE", "channel": channel, "ts": "1700000001.000100",
            "thread_ts": THREAD, "text": "<@UTANDEM> can <@UBOB|bob> send the Q3 report by Friday?"}


def _asked_and_accepted(slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, channel: str) -> Posted:
    assert slack.event(_mention(channel), f"EvFt{channel}")[0] == 200
    card = eventually(lambda: fake_slack.posts_to(channel))[0]
    slack.click("UALICE", "tandem:create", button(card, "create")["value"], as_message(card), channel,
                fake_slack.response_url("mk"))
    eventually(lambda: fake_slack.responses("mk"))
    eventually(lambda: (deliverer.run_once(), fake_slack.posts_to("UBOB"))[1])
    event = {"type": "message", "channel_type": "im", "channel": "DUBOB", "user": "UBOB", "text": "accept",
             "ts": "1700000100.000100"}
    assert slack.event(event, f"EvFtAccept{channel}")[0] == 200
    eventually(lambda: fake_slack.posts_to("DUBOB"))
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    deliverer.run_once()
    return card


def test_an_accepted_request_is_told_in_its_thread_and_its_card_there_updated(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    card = _asked_and_accepted(slack, fake_slack, deliverer, "C1")
    lines = eventually(lambda: [p for p in fake_slack.posts_to("C1") if "accepted" in p.text])
    assert [(p.thread_ts, p.text) for p in lines] == [(THREAD, "@bob accepted T-1 send the Q3 report, due Fri 6 Mar.")]
    edits = eventually(lambda: [u for u in fake_slack.updated if u.ts == card.ts])
    assert "committed" in str(edits[-1].blocks)


def test_a_private_channel_with_a_guest_hears_nothing(slack: SlackClient, fake_slack: FakeSlack,
                                                      deliverer: Deliverer) -> None:
    fake_slack.add_channel("G1", private=True, members=("UALICE", "UBOB", "UGUS"))
    slack.command("UGUS", "list", fake_slack.response_url("gus"))  # Tandem knows gus is a guest
    eventually(lambda: fake_slack.responses("gus"))
    card = _asked_and_accepted(slack, fake_slack, deliverer, "G1")
    assert [p.text for p in fake_slack.posts_to("G1")] == [card.text]
    assert not [u for u in fake_slack.updated if u.channel == "G1"]


def test_a_private_channel_of_members_hears_back_only_there(slack: SlackClient, fake_slack: FakeSlack,
                                                             deliverer: Deliverer) -> None:
    fake_slack.add_channel("G2", private=True, members=("UALICE", "UBOB"))
    _asked_and_accepted(slack, fake_slack, deliverer, "G2")
    lines = eventually(lambda: [p for p in fake_slack.posted if "accepted T-1" in p.text and p.thread_ts])
    assert [p.channel for p in lines] == ["G2"]


def test_the_owners_tick_on_the_thread_card_completes_it_and_the_thread_hears(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    card = _asked_and_accepted(slack, fake_slack, deliverer, "C1")
    tick = {"type": "reaction_added", "user": "UBOB", "reaction": "heavy_check_mark", "item_user": "UTANDEM",
            "item": {"type": "message", "channel": "C1", "ts": card.ts}, "event_ts": "1700000200.000100"}
    assert slack.event(tick, "EvFtTick")[0] == 200
    done = eventually(lambda: [p for p in fake_slack.posts_to("UBOB") if p.text.startswith("Done: T-1")])
    assert "tandem:reopen" in str(done[0].blocks)
    lines = eventually(lambda: (deliverer.run_once(), [p for p in fake_slack.posts_to("C1")
                                                       if p.text.startswith("@bob completed T-1")])[1])
    assert lines[0].thread_ts == THREAD
