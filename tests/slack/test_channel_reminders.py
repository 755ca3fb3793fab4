"""Channel reminders on Slack: /task remind <#C…> read through conversations.info/members, refused where the
person isn't, posted in the channel by the scheduler and the deliverer."""
from __future__ import annotations

from datetime import timedelta

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_scheduled import scheduler


def test_a_reminder_for_another_channel_is_posted_there_at_its_time(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    fake_slack.add_channel("C2", private=True, members=("UALICE",))
    slack.command("UBOB", "remind <#C2|design> stand-up every day at 11", fake_slack.response_url("bob"))
    refused = eventually(lambda: fake_slack.responses("bob"))[0]
    assert refused["response_type"] == "ephemeral" and "both you and I are in" in refused["text"]

    slack.command("UALICE", "remind <#C2|design> stand-up every day at 11", fake_slack.response_url("alice"))
    said = eventually(lambda: fake_slack.responses("alice"))[0]
    assert said["response_type"] == "ephemeral"
    assert 'R-1: I\'ll post "stand-up" in #design on Mon 2 Mar 11:00, then every day' in said["text"]

    clock.set(clock.now() + timedelta(hours=1))
    scheduler(uow_factory, clock).tick()
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("C2"))
    assert [p.text for p in fake_slack.posts_to("C2")] == ["Reminder from @alice: stand-up"]
    clock.set(clock.now() + timedelta(days=1))
    scheduler(uow_factory, clock).tick()
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("C2")) > 1)
    assert len(fake_slack.posts_to("C2")) == 2


def test_remind_the_channel_said_to_the_bot_is_set_for_that_channel(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer, clock: FixedClock,
        uow_factory: SqlUnitOfWorkFactory) -> None:
    said = {"type": "app_mention", "user": "UALICE", "channel": "C1", "ts": "1700000002.000100",
            "text": "<@UTANDEM> remind the channel to water the plants today at 11"}
    assert slack.event(said, "EvRemind1")[0] == 200
    answer = eventually(lambda: fake_slack.posts_to("C1"))[0]
    assert 'R-1: I\'ll post "water the plants" here on Mon 2 Mar 11:00.' in answer.text
    clock.set(clock.now() + timedelta(hours=1))
    scheduler(uow_factory, clock).tick()
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("C1")) > 1)
    assert fake_slack.posts_to("C1")[-1].text == "Reminder from @alice: water the plants"
