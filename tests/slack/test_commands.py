"""Slash commands over real HTTP: ack at once, the task stored, the reply posted to response_url."""
from __future__ import annotations

from core.tasks import Task
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.conftest import SlowBus
from tests.slack.signing import SlackClient


def task(uow_factory: SqlUnitOfWorkFactory, number: int) -> Task | None:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("slack", "T1")
        return None if workspace is None else uow.tasks.get(workspace.id or 0, number)


def test_a_slash_command_stores_the_task_and_answers_in_channel(slack: SlackClient, fake_slack: FakeSlack,
                                                                 uow_factory: SqlUnitOfWorkFactory) -> None:
    said = "add <@UBOB|bob> send the Q3 report by friday"
    status, body = slack.command("UALICE", said, fake_slack.response_url("c1"))
    assert (status, body) == (200, "")
    answer = eventually(lambda: fake_slack.responses("c1"))[0]
    assert answer["response_type"] == "in_channel"
    assert "@bob" in answer["text"] and "T-1" in str(answer["blocks"])
    assert any(b["type"] == "actions" for b in answer["blocks"])
    stored = task(uow_factory, 1)
    assert stored is not None and stored.title.lower().startswith("send the q3 report")


def test_lists_help_and_errors_are_ephemeral(slack: SlackClient, fake_slack: FakeSlack) -> None:
    slack.command("UALICE", "help", fake_slack.response_url("help"))
    slack.command("UALICE", "shwo T-1", fake_slack.response_url("bad"))
    slack.command("UALICE", "list", fake_slack.response_url("list"))
    eventually(lambda: all(fake_slack.responses(name) for name in ("help", "bad", "list")))
    for name in ("help", "bad", "list"):
        assert fake_slack.responses(name)[0]["response_type"] == "ephemeral"
    assert "Did you mean /task show?" in fake_slack.responses("bad")[0]["text"]


def test_a_guest_sees_only_their_own_tasks(slack: SlackClient, fake_slack: FakeSlack) -> None:
    slack.command("UALICE", "add <@UBOB> prepare the board deck by friday", fake_slack.response_url("a1"))
    eventually(lambda: fake_slack.responses("a1"))
    slack.command("UALICE", "add <@UGUS> translate the brochure by friday", fake_slack.response_url("a2"))
    eventually(lambda: fake_slack.responses("a2"))
    slack.command("UGUS", "list all", fake_slack.response_url("g"))
    listing = eventually(lambda: fake_slack.responses("g"))[0]["text"]
    assert "translate the brochure" in listing and "board deck" not in listing


def test_the_ack_comes_back_before_slow_work_finishes(slow_slack: SlackClient, slow_bus: SlowBus,
                                                      fake_slack: FakeSlack) -> None:
    status, _ = slow_slack.command("UALICE", "list", fake_slack.response_url("slow"))
    assert status == 200
    assert not fake_slack.responses("slow")  # acked while the work is still held
    slow_bus.release.set()
    eventually(lambda: fake_slack.responses("slow"))
