"""Who is speaking on Slack: users.info read into an Identity, cached per (team, user) for an hour."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from core.identity import Identity
from core.people import Role

PLATFORM = "slack"
TTL_SECONDS = 3600.0


def identity_from_user(user: Mapping[str, Any], team: str, team_name: str) -> Identity:
    """A users.info `user` as an Identity: IANA tz (never tz_offset), guest/admin role, Slack Connect outsiders,
    and the locale their Slack speaks (asked for with include_locale)."""
    profile = user.get("profile") or {}
    name = str(user.get("name") or user.get("id") or "someone")
    display = str(profile.get("display_name") or user.get("real_name") or profile.get("real_name") or name)
    if user.get("is_restricted") or user.get("is_ultra_restricted"):
        role = Role.GUEST
    elif user.get("is_admin") or user.get("is_owner"):
        role = Role.ADMIN
    else:
        role = Role.MEMBER
    home_team = user.get("team_id")
    external = bool(user.get("is_stranger")) or (home_team is not None and home_team != team)
    tz, locale = user.get("tz"), user.get("locale")
    return Identity(PLATFORM, team, team_name or team, str(user.get("id") or ""), display,
                    tz=str(tz) if tz else None, role=role, external=external, handle=name,
                    locale=str(locale) if locale else None)


class SlackPeople:
    """A users.info cache, so Slack is asked about a person at most once per `ttl` seconds."""

    def __init__(self, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.clock = ttl, clock
        self._cache: dict[tuple[str, str], tuple[float, Identity]] = {}

    async def identity(self, client: AsyncWebClient, team: str, user_id: str, team_name: str = "") -> Identity:
        key = (team, user_id)
        cached = self._cache.get(key)
        if cached is not None and cached[0] > self.clock():
            return cached[1]
        response = await client.users_info(user=user_id, include_locale=True)
        user = response.get("user") or {"id": user_id}
        found = identity_from_user(user, team, team_name)
        self._cache[key] = (self.clock() + self.ttl, found)
        return found

    def forget(self, team: str, user_id: str) -> None:
        self._cache.pop((team, user_id), None)
