"""On Slack, completing a parent with open subtasks asks with buttons; the choice completes them too."""
from __future__ import annotations

from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_commands import task
from tests.slack.test_negotiation import button


def test_done_on_a_parent_asks_and_complete_them_too_closes_all(slack: SlackClient, fake_slack: FakeSlack,
                                                                uow_factory: SqlUnitOfWorkFactory) -> None:
    for n, line in enumerate(("add plan the offsite by friday", "add book the venue", "edit T-2 parent T-1")):
        slack.command("UALICE", line, fake_slack.response_url(f"s{n}"))
        eventually(lambda n=n: fake_slack.responses(f"s{n}"))
    slack.command("UALICE", "done T-1", fake_slack.response_url("done"))
    asked = eventually(lambda: fake_slack.responses("done"))[0]
    assert "has 1 open subtask (T-2)" in asked["text"]
    both = button(asked, "done")
    assert both["value"] == "/task done T-1 --all"
    slack.click("UALICE", "tandem:done", both["value"], asked, "C1", fake_slack.response_url("all"))
    eventually(lambda: fake_slack.responses("all"))
    parent, child = task(uow_factory, 1), task(uow_factory, 2)
    assert parent is not None and child is not None
    assert (parent.status.value, child.status.value) == ("done", "done")
