"""A request said in a thread, confirmed, negotiated and agreed: all through buttons, modals and DMs."""
from __future__ import annotations

from typing import Any

from bot.delivery.deliverer import Deliverer
from tests.fakeslack import FakeSlack, Posted
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient

MENTION = {"type": "app_mention", "user": "UALICE", "channel": "C1", "ts": "1700000001.000100",
           "thread_ts": "1700000000.000001", "text": "<@UTANDEM> can <@UBOB|bob> send the Q3 report by Friday?"}


def button(post: Posted | dict[str, Any], verb: str) -> dict[str, Any]:
    blocks = post.blocks if isinstance(post, Posted) else post["blocks"]
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == f"tandem:{verb}":
                return dict(element)
    raise AssertionError(f"no {verb} button in {blocks}")


def as_message(post: Posted) -> dict[str, Any]:
    return {"ts": post.ts, "text": post.text, "blocks": post.blocks}


def test_request_in_a_thread_to_an_agreed_date(slack: SlackClient, fake_slack: FakeSlack,
                                               deliverer: Deliverer) -> None:
    assert slack.event(MENTION, "Ev1")[0] == 200
    card = eventually(lambda: fake_slack.posts_to("C1"))[0]
    assert card.thread_ts == "1700000000.000001"
    assert [button(card, v)["value"] for v in ("create", "cancel")] == ["/task confirm 1", "/task discard 1"]

    create = button(card, "create")
    slack.click("UALICE", "tandem:create", create["value"], as_message(card), "C1", fake_slack.response_url("mk"))
    settled = eventually(lambda: fake_slack.responses("mk"))[0]
    assert settled["replace_original"] is True and "✓ Created by @alice" in settled["text"]

    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UBOB"))
    request = fake_slack.posts_to("UBOB")[0]
    assert {"accept", "commit", "decline"} <= {b["action_id"].split(":")[1] for blk in request.blocks
                                                for b in blk.get("elements", []) if "action_id" in b}

    own_date = button(request, "commit")
    slack.click("UBOB", "tandem:commit", own_date["value"], as_message(request), "DUBOB", fake_slack.response_url("p"))
    modal = eventually(lambda: fake_slack.views)[0]["view"]
    assert modal["callback_id"] == "tandem:accept" and modal["title"]["text"] == "Accept with my date T-1"
    assert [b.get("element", {}).get("type") for b in modal["blocks"]] == ["datepicker", "timepicker",
                                                                             "plain_text_input"]
    values = {"date": {"value": {"type": "datepicker", "selected_date": "2026-03-10"}},
              "time": {"value": {"type": "timepicker", "selected_time": None}},
              "note": {"value": {"type": "plain_text_input", "value": "Need the numbers first"}}}
    assert slack.submit("UBOB", modal, values)[0] == 200
    proposed = eventually(lambda: fake_slack.responses("p")[1:] and fake_slack.responses("p"))
    assert "✓ Proposed a date by @bob" in proposed[0]["text"] and "(asked: Fri 6 Mar)" in proposed[1]["text"]

    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    to_alice = fake_slack.posts_to("UALICE")[0]
    assert "propos" in to_alice.text and "10 Mar" in to_alice.text

    accept = button(to_alice, "accept")
    slack.click("UALICE", "tandem:accept", accept["value"], as_message(to_alice), "DUALICE",
                fake_slack.response_url("ok"))
    eventually(lambda: len(fake_slack.responses("ok")) >= 2)
    agreed = fake_slack.responses("ok")
    assert "✓ Accepted by @alice" in agreed[0]["text"]
    assert "10 Mar" in agreed[1]["text"]
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("UBOB")) > 1)
    assert "10 Mar" in fake_slack.posts_to("UBOB")[-1].text


def test_the_same_event_delivered_three_times_makes_one_draft(slack: SlackClient, fake_slack: FakeSlack) -> None:
    answers = [slack.event(MENTION, "EvSame", retry=n or None) for n in range(3)]
    assert [status for status, _ in answers] == [200, 200, 200]
    eventually(lambda: fake_slack.posts_to("C1"))
    assert len(fake_slack.posts_to("C1")) == 1
    assert "/task confirm 1" in str(fake_slack.posts_to("C1")[0].blocks)


def test_app_home_shows_what_is_asked_of_me(slack: SlackClient, fake_slack: FakeSlack) -> None:
    slack.command("UALICE", "add <@UBOB> send the Q3 report by friday", fake_slack.response_url("a"))
    eventually(lambda: fake_slack.responses("a"))
    slack.event({"type": "app_home_opened", "user": "UBOB", "channel": "DUBOB", "tab": "home"}, "EvHome")
    home = eventually(lambda: [p for p in fake_slack.published if p["user_id"] == "UBOB"])[-1]["view"]
    headers = [b["text"]["text"] for b in home["blocks"] if b["type"] == "header"]
    assert headers == ["Your work: 1 of 1", "Needs your answer (1)"]
    assert "Q3 report" in str(home["blocks"])


def test_a_request_without_a_date_is_answered_with_the_owners_date_and_time(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    slack.command("UALICE", "add <@UBOB|bob> update the wiki", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UBOB"))
    request = fake_slack.posts_to("UBOB")[0]
    assert "By when can you do it?" in request.text
    own_date = button(request, "commit")
    assert own_date.get("style") == "primary"
    slack.click("UBOB", "tandem:commit", own_date["value"], as_message(request), "DUBOB", fake_slack.response_url("c"))
    modal = eventually(lambda: fake_slack.views)[0]["view"]
    values = {"date": {"value": {"type": "datepicker", "selected_date": "2026-03-12"}},
              "time": {"value": {"type": "timepicker", "selected_time": "15:00"}},
              "note": {"value": {"type": "plain_text_input", "value": None}}}
    assert slack.submit("UBOB", modal, values)[0] == 200
    answered = eventually(lambda: fake_slack.responses("c")[1:] and fake_slack.responses("c"))
    assert "✓ Accepted by @bob" in answered[0]["text"]
    assert "You committed to T-1 update the wiki, due Thu 12 Mar 15:00" in answered[1]["text"]
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    assert "@bob committed to T-1 update the wiki, due Thu 12 Mar 15:00" in fake_slack.posts_to("UALICE")[-1].text


def test_a_click_on_a_card_of_a_task_that_changed_shows_it_as_it_is_now(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    slack.command("UALICE", "add <@UBOB|bob> book the venue by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UBOB"))
    first = fake_slack.posts_to("UBOB")[0]
    slack.command("UALICE", "due T-1 next tuesday", fake_slack.response_url("due"))
    eventually(lambda: fake_slack.responses("due"))
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("UBOB")) > 1)
    assert "moved T-1 book the venue to Tue 10 Mar" in fake_slack.posts_to("UBOB")[1].text
    edited = eventually(lambda: (deliverer.run_once(), fake_slack.updated)[1])[0]
    assert (edited.channel, edited.ts) == ("DUBOB", first.ts)
    assert "Updated by @alice: T-1 book the venue is waiting for an answer, due Tue 10 Mar." in edited.text
    assert "Tue 10 Mar" in str(edited.blocks) and button(edited, "accept")["value"] == "/task accept T-1"

    old = button(first, "accept")
    slack.click("UBOB", "tandem:accept", old["value"], as_message(first), "DUBOB", fake_slack.response_url("old"))
    replaced = eventually(lambda: fake_slack.responses("old"))[0]
    assert replaced["replace_original"] is True and "changed since this card was sent" in replaced["text"]
    assert "Tue 10 Mar" in str(replaced["blocks"]) and "waiting for an answer" in str(replaced["blocks"])

    fresh = fake_slack.posts_to("UBOB")[1]
    slack.click("UBOB", "tandem:accept", button(fresh, "accept")["value"], as_message(fresh), "DUBOB",
                fake_slack.response_url("new"))
    assert "✓ Accepted by @bob" in eventually(lambda: fake_slack.responses("new"))[0]["text"]
