"""users.info read into an Identity: zone, role, outsiders, names; cached so Slack is asked once an hour."""
from __future__ import annotations

import asyncio

from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.people import SlackPeople, identity_from_user
from core.people import Role
from tests.fakeslack import FakeSlack
from tests.slack.botserver import TOKEN


def test_roles_zones_and_outsiders() -> None:
    guest = identity_from_user({"id": "U1", "name": "gus", "is_ultra_restricted": True, "tz_offset": 3600}, "T1", "")
    assert (guest.role, guest.tz, guest.handle, guest.display_name) == (Role.GUEST, None, "gus", "gus")
    admin = identity_from_user({"id": "U2", "name": "ana", "is_owner": True, "tz": "Europe/Berlin",
                                "profile": {"display_name": "Ana B"}}, "T1", "Acme")
    assert (admin.role, admin.tz, admin.display_name, admin.external) == (Role.ADMIN, "Europe/Berlin", "Ana B", False)
    assert identity_from_user({"id": "U3", "name": "x", "team_id": "T9"}, "T1", "").external is True
    assert identity_from_user({"id": "U4", "name": "y", "is_stranger": True}, "T1", "").external is True


def test_people_are_cached_for_the_ttl(fake_slack: FakeSlack) -> None:
    now = [0.0]
    people = SlackPeople(ttl=60, clock=lambda: now[0])

    async def look() -> str:
        client = AsyncWebClient(token=TOKEN, base_url=fake_slack.api_url)
        return (await people.identity(client, "T1", "UBOB")).handle or ""

    assert [asyncio.run(look()) for _ in range(3)] == ["bob"] * 3
    assert fake_slack.calls("users.info") == 1
    now[0] = 61
    asyncio.run(look())
    assert fake_slack.calls("users.info") == 2
