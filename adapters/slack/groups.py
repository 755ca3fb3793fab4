"""Slack user groups mentioned in a request (`<!subteam^S123|@design>`): their members from usergroups.users.list,
and the mention turned into the @handle the core reads."""
from __future__ import annotations

import re

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.people import PLATFORM
from core.teams import GroupFacts

SUBTEAM = re.compile(r"<!subteam\^([A-Z0-9]+)(?:\|@?([^>]*))?>")


def mentioned_groups(text: str) -> dict[str, str]:
    """User group ids mentioned in `text`, each with the name its mention shows (the id when it shows none)."""
    return {group: (name or group).strip() for group, name in SUBTEAM.findall(text)}


def with_group_handles(text: str, handles: dict[str, str]) -> str:
    """Replace <!subteam^S123|@design> with @handle for every group the core knows."""
    return SUBTEAM.sub(lambda m: f"@{handles[m.group(1)]}" if m.group(1) in handles else m.group(0), text)


async def group_facts(client: AsyncWebClient, team: str, group: str, name: str) -> GroupFacts:
    """The group's members as Slack lists them now (scope usergroups:read); None when Slack won't say (a
    missing scope, a disabled group), so the members stored before stay."""
    try:
        users = (await client.usergroups_users_list(usergroup=group)).get("users") or []
    except SlackApiError:
        return GroupFacts(PLATFORM, team, group, name)
    return GroupFacts(PLATFORM, team, group, name, tuple(str(user) for user in users))
