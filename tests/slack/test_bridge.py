"""SlackCore under load: people resolved once per users.info TTL, App Home refreshes coalesced and only when opened."""
from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.people import SlackPeople
from core.bus import Bus
from core.clock import FixedClock
from core.identity import Identity
from core.people import Person
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.botserver import TOKEN


class CountingBus(Bus):
    """The real bus, counting the write transactions that resolve people."""

    whoised = 0

    def whois(self, who: Identity) -> Person:
        self.whoised += 1
        return super().whois(who)


def test_people_are_resolved_once_per_ttl(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock,
                                          fake_slack: FakeSlack) -> None:
    now = [0.0]
    bus = CountingBus(uow_factory, clock)
    core = SlackCore(bus, people=SlackPeople(ttl=60, clock=lambda: now[0]))

    async def work() -> list[object]:
        client = AsyncWebClient(token=TOKEN, base_url=fake_slack.api_url)
        where = Where("T1", "UBOB", "acme", "C1")
        first = await asyncio.gather(*(core.speaker(client, where) for _ in range(5)))
        text = await core.readable(client, where, "add <@UALICE|alice> and <@UBOB> and <@UALICE>")
        handle = await core.handle_of(client, "T1", "UBOB")
        now[0] = 61
        later = await core.speaker(client, where)
        return [*first, text, handle, later]

    *speakers, text, handle, later = asyncio.run(work())
    assert len(set(speakers)) == 1
    assert text == "add @alice and @bob and @alice"
    assert handle == "bob"
    assert later == speakers[0]
    assert bus.whoised == 3  # bob, alice, then bob again once users.info was asked again


def test_home_is_refreshed_only_when_opened_and_at_most_once_per_interval(bus: Bus, fake_slack: FakeSlack) -> None:
    core = SlackCore(bus, home_every=1.0)

    async def work() -> None:
        client = AsyncWebClient(token=TOKEN, base_url=fake_slack.api_url)
        speaker = await core.speaker(client, Where("T1", "UBOB", "acme"))
        core.refresh_home(client, speaker, "UBOB")  # never opened: nothing to refresh
        assert core.home_tasks == set() and fake_slack.published == []
        await core.publish_home(client, speaker, "UBOB")  # what app_home_opened does
        for _ in range(5):
            core.refresh_home(client, speaker, "UBOB")
        await asyncio.sleep(0)
        assert len(fake_slack.published) == 1 and len(core.home_tasks) == 1  # one refresh waits out the interval
        await asyncio.wait(core.home_tasks, timeout=30)

    asyncio.run(work())
    assert [p["user_id"] for p in fake_slack.published] == ["UBOB", "UBOB"]
