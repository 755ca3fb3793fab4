"""The one path from a Slack listener into the core: who spoke, run the command safely off the event loop."""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from slack_sdk.web.async_client import AsyncWebClient

from adapters.common.known import KnownPeople
from adapters.common.runner import BusRunner
from adapters.slack.channels_named import named_channels
from adapters.slack.conversations import SlackConversations
from adapters.slack.groups import group_facts, mentioned_groups, with_group_handles
from adapters.slack.home import home_view
from adapters.slack.people import SlackPeople
from adapters.slack.translate import mentioned_users, with_handles
from core.commands import ListTasks, Speaker
from core.conversations import MembershipChange
from core.i18n import speaking_to
from core.outcome import Reply
from core.people import Person

log = logging.getLogger("tandem.slack")
HOME_EVERY_SECONDS = 3.0  # an App Home is re-published at most this often; the latest state wins


@dataclass(frozen=True)
class Where:
    """Where on Slack something was said: the team, the person, and optionally the conversation and message."""

    team: str
    user: str
    team_name: str = ""
    channel: str | None = None
    message: str | None = None
    link: str | None = None


@dataclass
class SlackCore(BusRunner):
    """Bus calls for listeners. The bus is synchronous, so it runs in worker threads and never blocks acks."""

    people: SlackPeople = field(default_factory=SlackPeople)
    conversations: SlackConversations = field(default_factory=SlackConversations)
    home_tasks: set[asyncio.Task[None]] = field(default_factory=set)
    home_every: float = HOME_EVERY_SECONDS
    # people resolved from users.info, remembered as long as users.info is: no write transaction per message
    known: KnownPeople = field(init=False)
    # people who opened the App Home (by workspace id and Slack user); only their homes are refreshed
    home_viewers: set[tuple[int, str]] = field(default_factory=set)
    home_wanted: dict[tuple[int, str], tuple[AsyncWebClient, Speaker]] = field(default_factory=dict)
    home_published: dict[tuple[int, str], float] = field(default_factory=dict)

    async def speaker(self, client: AsyncWebClient, where: Where) -> Speaker:
        person = await self.person(client, where.team, where.user, where.team_name)
        if where.channel and not self.conversations.fresh(where.team, where.channel):
            await self.read_conversation(client, where.team, where.channel, where.team_name)
        return Speaker(person.workspace_id, person.id or 0, where.channel, where.message, where.link,
                       person.lang)

    async def read_conversation(self, client: AsyncWebClient, team: str, channel: str, team_name: str = "") -> None:
        """Ask Slack what `channel` is and who is in it, and store it for every process."""
        facts = await self.conversations.facts(client, team, team_name, channel)
        await self.in_thread(self.bus.record_conversation, facts)

    async def membership(self, change: MembershipChange) -> None:
        """A join, a leave or an (un)archiving, stored at once; unknown channels are read when next used."""
        await self.in_thread(self.bus.change_membership, change)

    async def handle_of(self, client: AsyncWebClient, team: str, user: str, team_name: str = "") -> str:
        return (await self.person(client, team, user, team_name)).handle

    def __post_init__(self) -> None:
        self.known = KnownPeople(self.people.ttl, self.people.clock)

    async def person(self, client: AsyncWebClient, team: str, user: str, team_name: str = "") -> Person:
        """bus.whois for a Slack user, remembered as long as users.info is (and while Slack says the same)."""
        who = await self.people.identity(client, team, user, team_name)
        return await self.known.person(who, partial(self.in_thread, self.bus.whois))

    def forget(self, team: str, user: str) -> None:
        self.people.forget(team, user)
        self.known.forget(team, user)

    async def readable(self, client: AsyncWebClient, where: Where, text: str) -> str:
        """Slack text with every <@U123|name> replaced by the @handle Tandem knows that person by."""
        users = mentioned_users(text)
        found = await asyncio.gather(*(self.handle_of(client, where.team, u, where.team_name) for u in users))
        await self.read_named_channels(client, where, text)
        return await self.readable_groups(client, where, with_handles(text, dict(zip(users, found, strict=True))))

    async def read_named_channels(self, client: AsyncWebClient, where: Where, text: str) -> None:
        """Channels a command names (a reminder's #channel) are read like the one it was said in, so the core
        knows whether Tandem and the speaker are in them."""
        for channel in named_channels(text):
            if not self.conversations.fresh(where.team, channel):
                await self.read_conversation(client, where.team, channel, where.team_name)

    async def readable_groups(self, client: AsyncWebClient, where: Where, text: str) -> str:
        """Every <!subteam^S123|@design> read from Slack (its members now), stored, and turned into @design."""
        handles: dict[str, str] = {}
        for group, name in mentioned_groups(text).items():
            facts = await group_facts(client, where.team, group, name)
            handles[group] = (await self.in_thread(self.bus.record_group, facts)).handle
        return with_group_handles(text, handles)

    async def publish_home(self, client: AsyncWebClient, speaker: Speaker, user: str, page: Reply | None = None,
                           ) -> None:
        """The App Home for `user`: their work (`/task list`), or `page` of it (what its More button brought)."""
        key = (speaker.workspace_id, user)
        self.home_viewers.add(key)
        self.home_published[key] = time.monotonic()
        shown = page if page is not None else (await self.run(ListTasks(), speaker)).reply
        with speaking_to(speaker.lang):
            home = home_view(shown)
        await client.views_publish(user_id=user, view=home)

    def refresh_home(self, client: AsyncWebClient, speaker: Speaker, user: str) -> None:
        """Best effort, in the background: re-publish the home of someone who opened it, at most once per
        `home_every` seconds with the latest state; a failure is only logged."""
        key = (speaker.workspace_id, user)
        if key not in self.home_viewers:
            return
        pending = key in self.home_wanted
        self.home_wanted[key] = (client, speaker)
        if pending:
            return
        task = asyncio.get_running_loop().create_task(self._refresh_later(key, user))
        self.home_tasks.add(task)
        task.add_done_callback(_finished(self.home_tasks))

    async def _refresh_later(self, key: tuple[int, str], user: str) -> None:
        wait = self.home_published.get(key, float("-inf")) + self.home_every - time.monotonic()
        try:
            if wait > 0:
                await asyncio.sleep(wait)
        finally:
            client, speaker = self.home_wanted.pop(key)
        await self.publish_home(client, speaker, user)


def _finished(tasks: set[asyncio.Task[None]]) -> Callable[[asyncio.Task[None]], None]:
    def done(task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("could not refresh the App Home: %s", task.exception())
    return done
