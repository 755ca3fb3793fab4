"""Privacy that follows the Slack conversation, end to end against the fake Slack: a private channel, a channel
the bot was not invited to, a DM, and people joining and leaving."""
from __future__ import annotations

from itertools import count

import pytest

from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient

NAMES = count(1)


@pytest.fixture(autouse=True)
def carol(fake_slack: FakeSlack) -> None:
    fake_slack.add_user("UCAROL", team_id="T1", name="carol")
    fake_slack.add_channel("G1", private=True, members=("UALICE", "UBOB", "UTANDEM"))


def say(slack: SlackClient, fake: FakeSlack, user: str, text: str, channel: str = "C1") -> str:
    name = f"r{next(NAMES)}"
    slack.command(user, text, fake.response_url(name), channel=channel)
    return str(eventually(lambda: fake.responses(name))[0]["text"])


def test_a_task_asked_in_a_private_channel_is_invisible_to_a_member_outside_it(slack: SlackClient,
                                                                               fake_slack: FakeSlack) -> None:
    assert "T-1" in say(slack, fake_slack, "UALICE", "add <@UBOB> prepare the layoff list for Q3", channel="G1")
    assert "nothing here" in say(slack, fake_slack, "UCAROL", "list all")
    assert "nothing here" in say(slack, fake_slack, "UCAROL", "list search layoff")
    hidden, missing = say(slack, fake_slack, "UCAROL", "show T-1"), say(slack, fake_slack, "UCAROL", "show T-9")
    assert hidden.replace("T-1", "T-?") == missing.replace("T-9", "T-?")
    assert "layoff" in say(slack, fake_slack, "UBOB", "show T-1")


def test_joining_shows_the_channels_tasks_and_leaving_hides_them_again(slack: SlackClient,
                                                                        fake_slack: FakeSlack) -> None:
    say(slack, fake_slack, "UALICE", "add <@UBOB> prepare the layoff list for Q3", channel="G1")
    slack.event(fake_slack.conversations.change("G1", "UCAROL", joined=True), "Ev-join")
    eventually(lambda: "layoff" in say(slack, fake_slack, "UCAROL", "list all"))
    slack.event(fake_slack.conversations.change("G1", "UCAROL", joined=False), "Ev-leave")
    eventually(lambda: "nothing here" in say(slack, fake_slack, "UCAROL", "list all"))
    assert "I can't find T-1" in say(slack, fake_slack, "UCAROL", "show T-1")


def test_a_private_channel_the_bot_is_not_in_keeps_its_tasks_to_the_people_taking_part(
        slack: SlackClient, fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("G2", private=True, members=("UALICE", "UBOB", "UCAROL"), bot_in=False)
    created = say(slack, fake_slack, "UALICE", "add <@UBOB> prepare the layoff list for Q3", channel="G2")
    assert "T-1" in created and "/invite @Tandem" in created
    assert "nothing here" in say(slack, fake_slack, "UCAROL", "list all")
    assert "layoff" in say(slack, fake_slack, "UBOB", "list mine")


def test_a_task_asked_in_a_dm_stays_in_the_dm(slack: SlackClient, fake_slack: FakeSlack) -> None:
    fake_slack.add_channel("DALICE", im=True, members=("UALICE", "UTANDEM"))
    assert "T-1" in say(slack, fake_slack, "UALICE", "add book the dentist", channel="DALICE")
    assert "nothing here" in say(slack, fake_slack, "UBOB", "list all")
    assert "dentist" in say(slack, fake_slack, "UALICE", "list mine")


def test_a_public_channel_task_is_seen_by_members_but_not_by_guests(slack: SlackClient, fake_slack: FakeSlack) -> None:
    say(slack, fake_slack, "UALICE", "add <@UBOB> fix the boiler")
    assert "boiler" in say(slack, fake_slack, "UCAROL", "list all")
    assert "nothing here" in say(slack, fake_slack, "UGUS", "list all")


def test_archiving_is_recorded_and_members_keep_their_view(slack: SlackClient, fake_slack: FakeSlack,
                                                             uow_factory: SqlUnitOfWorkFactory) -> None:
    say(slack, fake_slack, "UALICE", "add <@UBOB> prepare the layoff list for Q3", channel="G1")
    assert slack.event(fake_slack.conversations.archive("G1"), "Ev-archive")[0] == 200
    eventually(lambda: _archived(uow_factory, "G1"))
    assert "layoff" in say(slack, fake_slack, "UBOB", "list all")
    assert "nothing here" in say(slack, fake_slack, "UCAROL", "list all")


def _archived(uow_factory: SqlUnitOfWorkFactory, channel: str) -> bool:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("slack", "T1")
        found = uow.conversations.get(workspace.id or 0, channel) if workspace else None
    return found is not None and found.archived


def test_members_of_a_big_channel_are_read_page_by_page(slack: SlackClient, fake_slack: FakeSlack) -> None:
    crowd = tuple(f"UX{i:04d}" for i in range(450))
    fake_slack.add_channel("G3", private=True, members=(*crowd, "UALICE", "UBOB", "UCAROL"))
    say(slack, fake_slack, "UALICE", "add <@UBOB> prepare the layoff list for Q3", channel="G3")
    assert fake_slack.state.member_pages >= 3
    assert "layoff" in say(slack, fake_slack, "UCAROL", "list all")
