"""DMs to Tandem (message.im) read as plain words, and a ✅ by a task's owner (reaction_added) marking it done."""
from __future__ import annotations

import itertools
from typing import Any

from bot.delivery.deliverer import Deliverer
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient

_ts = itertools.count(1)


def _dm(slack: SlackClient, user: str, text: str, **extra: Any) -> None:
    n = next(_ts)
    event = {"type": "message", "channel_type": "im", "channel": f"D{user}", "user": user, "text": text,
             "ts": f"1700000{n:03d}.000100", "event_ts": f"1700000{n:03d}.000100", **extra}
    assert slack.event(event, f"EvDm{n}")[0] == 200


def _react(slack: SlackClient, user: str, channel: str, ts: str, reaction: str = "white_check_mark") -> None:
    n = next(_ts)
    event = {"type": "reaction_added", "user": user, "reaction": reaction, "item_user": "UTANDEM",
             "item": {"type": "message", "channel": channel, "ts": ts}, "event_ts": f"1700001{n:03d}.000100"}
    assert slack.event(event, f"EvReact{n}")[0] == 200


def _request_to_bob(slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> Any:
    slack.command("UBOB", "list", fake_slack.response_url("hello"))
    eventually(lambda: fake_slack.responses("hello"))
    slack.command("UALICE", "add <@UBOB> send the Q3 report by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    return eventually(lambda: (deliverer.run_once(), fake_slack.posts_to("UBOB"))[1])[0]


def test_a_dm_is_answered_in_the_dm_and_the_bots_own_messages_are_not(slack: SlackClient,
                                                                         fake_slack: FakeSlack) -> None:
    _dm(slack, "UALICE", "hello", bot_id="BTANDEM")  # Tandem's own post coming back: never answered
    _dm(slack, "UALICE", "what's on my plate?")
    answer = eventually(lambda: fake_slack.posts_to("DUALICE"))
    assert len(answer) == 1 and answer[0].text == "Your work: nothing here."


def test_accept_in_a_dm_answers_the_only_request_waiting(slack: SlackClient, fake_slack: FakeSlack,
                                                          deliverer: Deliverer) -> None:
    _request_to_bob(slack, fake_slack, deliverer)
    _dm(slack, "UBOB", "accept")
    answer = eventually(lambda: fake_slack.posts_to("DUBOB"))[0]
    assert answer.text.startswith("You committed to T-1 send the Q3 report, due ")


def test_an_implied_change_in_a_dm_comes_with_confirm_and_cancel(slack: SlackClient, fake_slack: FakeSlack,
                                                                   deliverer: Deliverer) -> None:
    _request_to_bob(slack, fake_slack, deliverer)
    _dm(slack, "UBOB", "show T-1")
    eventually(lambda: fake_slack.posts_to("DUBOB"))
    _dm(slack, "UBOB", "cancel that")
    card = eventually(lambda: fake_slack.posts_to("DUBOB")[1:])[0]
    values = {b["action_id"]: b["value"] for blk in card.blocks for b in blk.get("elements", []) if "action_id" in b}
    assert values == {"tandem:cancel": "/task cancel T-1", "tandem:show": "/task show T-1"}


def test_a_tick_by_the_owner_marks_the_task_done_with_undo_and_others_are_ignored(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    request = _request_to_bob(slack, fake_slack, deliverer)
    _react(slack, "UALICE", "DUBOB", request.ts)  # not the owner: nothing happens, nothing is said
    _react(slack, "UBOB", "DUBOB", request.ts, reaction="tada")  # not a tick
    _react(slack, "UBOB", "DUBOB", request.ts)
    done = eventually(lambda: [p for p in fake_slack.posts_to("UBOB") if p.text.startswith("Done")])
    assert done[0].text.startswith("Done: T-1 send the Q3 report")
    undo = [b for blk in done[0].blocks for b in blk.get("elements", []) if b.get("action_id") == "tandem:reopen"]
    assert undo[0]["value"] == "/task reopen T-1"
    assert not [p for p in fake_slack.posts_to("UALICE") if p.text.startswith("Done")]
    assert len(done) == 1
