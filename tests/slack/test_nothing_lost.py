"""On Slack nothing typed is dropped either: extra words are an error, a note on done reaches the requester."""
from __future__ import annotations

from bot.delivery.deliverer import Deliverer
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_commands import task
from tests.slack.test_negotiation import button


def test_extra_words_are_refused_and_a_done_note_reaches_the_requester(slack: SlackClient, fake_slack: FakeSlack,
                                                                       deliverer: Deliverer) -> None:
    slack.command("UALICE", "add <@UBOB|bob> send the Q3 report by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    slack.command("UBOB", "show T-1 please", fake_slack.response_url("show"))
    refused = eventually(lambda: fake_slack.responses("show"))[0]
    assert refused["response_type"] == "ephemeral" and "won't ignore 'please'" in refused["text"]
    slack.command("UBOB", "done T-1 shipped in v2.3", fake_slack.response_url("done"))
    eventually(lambda: fake_slack.responses("done"))
    told = eventually(lambda: (deliverer.run_once(), [p for p in fake_slack.posts_to("UALICE")
                                                      if "completed" in p.text])[1])[0]
    assert "@bob completed T-1 send the Q3 report. Note: shipped in v2.3" in told.text


def test_a_request_after_task_is_shown_back_only_to_the_speaker_then_created(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    slack.command("UALICE", "<@UBOB|bob> send the report by Friday", fake_slack.response_url("req"))
    card = eventually(lambda: fake_slack.responses("req"))[0]
    assert card["response_type"] == "ephemeral" and "Create it?" in card["text"]
    create = button(card, "create")
    slack.click("UALICE", "tandem:create", create["value"], card, "C1", fake_slack.response_url("mk"))
    assert "✓ Created by @alice" in eventually(lambda: fake_slack.responses("mk"))[0]["text"]
    asked = eventually(lambda: (deliverer.run_once(), fake_slack.posts_to("UBOB"))[1])[0]
    assert "@alice asks you: T-1 send the report" in asked.text


def test_a_past_date_is_asked_about_and_a_choice_creates_the_task(slack: SlackClient, fake_slack: FakeSlack,
                                                                  uow_factory: SqlUnitOfWorkFactory) -> None:
    slack.command("UALICE", "add send the Q3 report by 2026-02-27", fake_slack.response_url("add"))
    asked = eventually(lambda: fake_slack.responses("add"))[0]
    assert asked["response_type"] == "ephemeral"
    assert "That is in the past (Fri 27 Feb): did you mean Sat 27 Feb 2027?" in asked["text"]
    assert task(uow_factory, 1) is None
    today = [e for b in asked["blocks"] for e in b.get("elements", []) if e.get("value", "").endswith("2026-03-02")][0]
    slack.click("UALICE", today["action_id"], today["value"], asked, "C1", fake_slack.response_url("pick"))
    assert "✓ Created by @alice" in eventually(lambda: fake_slack.responses("pick"))[0]["text"]
    created = task(uow_factory, 1)
    assert created is not None and created.due is not None and str(created.due.on) == "2026-03-02"
