"""The one path from a Slack listener into the core: who spoke, run the command safely off the event loop."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from slack_sdk.web.async_client import AsyncWebClient

from adapters.common.errors import safely
from adapters.common.grammar import HelpRequest, parse_command
from adapters.common.help import help_text
from adapters.slack.home import home_view
from adapters.slack.people import SlackPeople
from adapters.slack.translate import mentioned_users, with_handles
from core.bus import Bus
from core.commands import Command, ListTasks, Speaker
from core.outcome import Reply

log = logging.getLogger("tandem.slack")
HOME_VIEWS = (("Asked of me", "inbox"), ("Waiting on", "waiting"), ("Mine", "mine"))


@dataclass(frozen=True)
class Where:
    """Where on Slack something was said: the team, the person, and optionally the conversation and message."""

    team: str
    user: str
    team_name: str = ""
    channel: str | None = None
    message: str | None = None
    link: str | None = None


@dataclass(frozen=True)
class Answer:
    """A reply, and whether the command went through (False: the reply explains the error)."""

    reply: Reply
    ok: bool


@dataclass
class SlackCore:
    """Bus calls for listeners. The bus is synchronous, so it runs in a worker thread and never blocks acks."""

    bus: Bus
    people: SlackPeople = field(default_factory=SlackPeople)
    home_tasks: set[asyncio.Task[None]] = field(default_factory=set)
    sight_locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def speaker(self, client: AsyncWebClient, where: Where) -> Speaker:
        who = await self.people.identity(client, where.team, where.user, where.team_name)
        async with self._first_sight(where.team):
            return await asyncio.to_thread(self.bus.identify, who, where.channel, where.message, where.link)

    async def handle_of(self, client: AsyncWebClient, team: str, user: str, team_name: str = "") -> str:
        who = await self.people.identity(client, team, user, team_name)
        async with self._first_sight(team):
            return (await asyncio.to_thread(self.bus.whois, who)).handle

    def _first_sight(self, team: str) -> asyncio.Lock:
        """Identify one person of a team at a time here, so concurrent first messages don't race to create them."""
        return self.sight_locks.setdefault(team, asyncio.Lock())

    async def readable(self, client: AsyncWebClient, where: Where, text: str) -> str:
        """Slack text with every <@U123|name> replaced by the @handle Tandem knows that person by."""
        handles = {u: await self.handle_of(client, where.team, u, where.team_name) for u in mentioned_users(text)}
        return with_handles(text, handles)

    async def run_text(self, text: str, speaker: Speaker) -> Answer:
        """A `/task ...` line, parsed and run; errors become the reply (shown, or a reference id)."""
        return await self.attempt(lambda: text, speaker)

    async def run(self, command: Command, speaker: Speaker) -> Answer:
        return await self.attempt(lambda: command, speaker)

    async def attempt(self, build: Callable[[], Command | str], speaker: Speaker) -> Answer:
        """Build the command (or command text) and run it in a worker thread, inside the one error policy."""
        finished: list[bool] = []

        def work() -> Reply:
            made = build()
            reply = self._parse_and_run(made, speaker) if isinstance(made, str) else self.bus.execute(
                made, speaker).reply
            finished.append(True)
            return reply

        reply = await asyncio.to_thread(safely, work)
        return Answer(reply, bool(finished))

    def _parse_and_run(self, text: str, speaker: Speaker) -> Reply:
        command = parse_command(text)
        if isinstance(command, HelpRequest):
            return Reply(help_text(command.topic))
        return self.bus.execute(command, speaker).reply

    async def publish_home(self, client: AsyncWebClient, speaker: Speaker, user: str) -> None:
        """The App Home for `user`: what is asked of them, what they wait on, their own tasks."""
        sections = [(title, (await self.run(ListTasks(view), speaker)).reply) for title, view in HOME_VIEWS]
        await client.views_publish(user_id=user, view=home_view(sections))

    def refresh_home(self, client: AsyncWebClient, speaker: Speaker, user: str) -> None:
        """Best effort: re-publish the home in the background; a failure is only logged."""
        task = asyncio.get_running_loop().create_task(self.publish_home(client, speaker, user))
        self.home_tasks.add(task)
        task.add_done_callback(_finished(self.home_tasks))


def _finished(tasks: set[asyncio.Task[None]]) -> Callable[[asyncio.Task[None]], None]:
    def done(task: asyncio.Task[None]) -> None:
        tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("could not refresh the App Home: %s", task.exception())
    return done
