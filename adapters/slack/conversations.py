"""Which kind of conversation a Slack channel is and who is in it: conversations.info and paged
conversations.members, read into ConversationFacts and cached per (team, channel)."""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.people import PLATFORM
from core.conversations import ConversationFacts, ConversationKind

TTL_SECONDS = 3600.0
PAGE = 200
MAX_PAGES = 50  # 10,000 members; a bigger channel is public in practice, where members don't matter


def kind_of(channel: Mapping[str, Any]) -> ConversationKind:
    """A conversations.info `channel` as a kind; privacy is never read from an id's prefix."""
    if channel.get("is_im"):
        return ConversationKind.DM
    if channel.get("is_mpim"):
        return ConversationKind.GROUP
    if channel.get("is_private"):
        return ConversationKind.PRIVATE
    return ConversationKind.PUBLIC


class SlackConversations:
    """Slack is asked about a conversation at most once per `ttl` seconds; events keep the stored members
    current in between."""

    def __init__(self, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.clock = ttl, clock
        self._read: dict[tuple[str, str], float] = {}

    def fresh(self, team: str, channel: str) -> bool:
        return self._read.get((team, channel), float("-inf")) > self.clock()

    async def facts(self, client: AsyncWebClient, team: str, team_name: str, channel: str) -> ConversationFacts:
        """What Slack says about `channel`. One the bot can't see (channel_not_found) is a private channel it
        can't read: its tasks stay with the people taking part."""
        self._read[(team, channel)] = self.clock() + self.ttl
        try:
            info = (await client.conversations_info(channel=channel)).get("channel") or {}
        except SlackApiError:
            return ConversationFacts(PLATFORM, team, team_name, channel, ConversationKind.PRIVATE, readable=False)
        kind = kind_of(info)
        try:
            members = await _members(client, channel)
        except SlackApiError:
            return ConversationFacts(PLATFORM, team, team_name, channel, kind, readable=kind.is_public,
                                     archived=bool(info.get("is_archived")))
        return ConversationFacts(PLATFORM, team, team_name, channel, kind, archived=bool(info.get("is_archived")),
                                 members=frozenset(members))

    def forget(self, team: str, channel: str) -> None:
        self._read.pop((team, channel), None)


async def _members(client: AsyncWebClient, channel: str) -> set[str]:
    found: set[str] = set()
    cursor: str | None = None
    for _ in range(MAX_PAGES):
        page = await client.conversations_members(channel=channel, limit=PAGE, cursor=cursor or None)
        found.update(str(member) for member in page.get("members") or [])
        cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
        if not cursor:
            break
    return found
