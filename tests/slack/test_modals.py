"""Buttons with a blank, end to end over HTTP: Decline (and its required reason), Snooze on a reminder, Edit a draft."""
from __future__ import annotations

import json
from typing import Any

from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from core.clock import FixedClock
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from core.tasks import Agreement
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack, Posted
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_commands import task
from tests.slack.test_negotiation import MENTION, as_message, button


def opened_modal(fake_slack: FakeSlack, trigger: str) -> dict[str, Any]:
    return dict(eventually(lambda: [v for v in fake_slack.views if v["trigger_id"] == trigger])[-1]["view"])


def text_value(text: str) -> dict[str, Any]:
    return {"value": {"type": "plain_text_input", "value": text}}


def request_to_bob(slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> Posted:
    """Alice asks Bob for the Q3 report; the request reaches Bob's DM with Accept / Propose / Decline."""
    slack.command("UALICE", "add <@UBOB|bob> send the Q3 report by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UBOB"))
    return fake_slack.posts_to("UBOB")[0]


def open_decline(slack: SlackClient, fake_slack: FakeSlack, request: Posted) -> dict[str, Any]:
    decline = button(request, "decline")
    slack.click("UBOB", "tandem:decline", decline["value"], as_message(request), "DUBOB",
                fake_slack.response_url("d"))
    modal = opened_modal(fake_slack, "trigger-UBOB")
    assert modal["callback_id"] == "tandem:decline"
    return modal


def test_decline_asks_a_reason_and_tells_the_requester(slack: SlackClient, fake_slack: FakeSlack,
                                                       deliverer: Deliverer,
                                                       uow_factory: SqlUnitOfWorkFactory) -> None:
    modal = open_decline(slack, fake_slack, request_to_bob(slack, fake_slack, deliverer))
    assert [b["block_id"] for b in modal["blocks"]] == ["reason"]

    status, body = slack.submit("UBOB", modal, {"reason": text_value("I'm out all of next week")})
    assert (status, body) == (200, "")
    settled = eventually(lambda: fake_slack.responses("d"))[0]
    assert settled["replace_original"] is True and "✓ Declined by @bob" in settled["text"]

    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    told = fake_slack.posts_to("UALICE")[-1].text
    assert "declined" in told.lower() and "out all of next week" in told
    stored = task(uow_factory, 1)
    assert stored is not None and stored.agreement is Agreement.DECLINED


def test_decline_without_a_reason_keeps_the_modal_open_with_an_error(slack: SlackClient, fake_slack: FakeSlack,
                                                                     deliverer: Deliverer,
                                                                     uow_factory: SqlUnitOfWorkFactory) -> None:
    modal = open_decline(slack, fake_slack, request_to_bob(slack, fake_slack, deliverer))
    before = task(uow_factory, 1)

    status, body = slack.submit("UBOB", modal, {"reason": text_value("   ")})
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and set(answer["errors"]) == {"reason"}

    deliverer.run_once()
    assert fake_slack.responses("d") == []
    assert fake_slack.posts_to("UALICE") == []
    after = task(uow_factory, 1)
    assert before is not None and after is not None and after.agreement is before.agreement is Agreement.REQUESTED


def test_snooze_on_a_reminder_moves_the_reminder(slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer,
                                                 clock: FixedClock, uow_factory: SqlUnitOfWorkFactory) -> None:
    slack.command("UALICE", "add prepare the board deck by tomorrow 17:00", fake_slack.response_url("mine"))
    eventually(lambda: fake_slack.responses("mine"))
    planned = task(uow_factory, 1)
    assert planned is not None and planned.next_reminder_at is not None
    clock.set(planned.next_reminder_at)
    Scheduler(uow_factory, clock, SchedulePolicy(), PublicHolidays()).tick()
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    reminder = fake_slack.posts_to("UALICE")[-1]
    assert "Reminder" in reminder.text

    snooze = button(reminder, "snooze")
    slack.click("UALICE", "tandem:snooze", snooze["value"], as_message(reminder), "DUALICE",
                fake_slack.response_url("z"))
    modal = opened_modal(fake_slack, "trigger-UALICE")
    assert modal["callback_id"] == "tandem:snooze"
    choice = {"when": {"value": {"type": "static_select", "selected_option": {"value": "3h"}}}}
    assert slack.submit("UALICE", modal, choice) == (200, "")
    settled = eventually(lambda: fake_slack.responses("z"))[0]
    assert "✓ Snoozed by @alice" in settled["text"]

    moved = task(uow_factory, 1)
    assert moved is not None and moved.next_reminder_at is not None
    assert moved.next_reminder_at > clock.now()
    assert moved.next_reminder_at != planned.next_reminder_at


def test_edit_on_a_draft_opens_the_request_and_updates_the_card(slack: SlackClient, fake_slack: FakeSlack) -> None:
    assert slack.event(MENTION, "EvEdit")[0] == 200
    card = eventually(lambda: fake_slack.posts_to("C1"))[0]
    edit = button(card, "edit")
    slack.click("UALICE", "tandem:edit", edit["value"], as_message(card), "C1", fake_slack.response_url("e"))
    modal = opened_modal(fake_slack, "trigger-UALICE")
    assert modal["callback_id"] == "tandem:revise"
    prefilled = modal["blocks"][0]["element"]["initial_value"]
    assert "send the Q3 report by Friday" in prefilled

    changed = "@bob send the Q4 forecast by Thursday"
    assert slack.submit("UALICE", modal, {"text": text_value(changed)}) == (200, "")
    updated = eventually(lambda: fake_slack.responses("e"))[0]
    assert updated["replace_original"] is True and "✓ Edited by @alice" in updated["text"]
    shown = str(updated["blocks"])
    assert "Q4 forecast" in shown and "Thu" in shown
