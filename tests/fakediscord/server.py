"""FakeDiscord: REST + gateway on 127.0.0.1 (ephemeral port) in a background thread, with a sync, thread-safe API."""
from __future__ import annotations

import asyncio
import copy
import re
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from aiohttp import web

from tests.fakediscord import drive, payloads
from tests.fakediscord.gateway import GUILDS_INTENT, MEMBERS_INTENT, Gateway
from tests.fakediscord.ids import snowflake
from tests.fakediscord.limits import Rule
from tests.fakediscord.records import Interaction, RequestRecord
from tests.fakediscord.rest import (
    DIRECT_MESSAGE_REACTIONS,
    DIRECT_MESSAGES,
    GUILD_MESSAGE_REACTIONS,
    GUILD_MESSAGES,
    Rest,
)
from tests.fakediscord.state import DiscordState
from tests.fakediscord.webhooks import Webhooks
from tests.loopserver import LoopServer

Json = dict[str, Any]
T = TypeVar("T")
ROLE_MENTION = re.compile(r"<@&(\d+)>")  # a role mention in content, as Discord fills mention_roles


class FakeDiscord(LoopServer):
    """A Discord double for discord.py: set Route.BASE = api_url and DEFAULT_GATEWAY = yarl.URL(gateway_url)."""

    thread_name = "fake-discord"

    def __init__(self, token: str | None = None, application_id: str | None = None, bot_user_id: str | None = None,
                 bot_name: str = "tandem") -> None:
        super().__init__()
        self.application_id = application_id or snowflake()
        self.bot_user_id = bot_user_id or self.application_id
        self.token = token or f"fake.{self.bot_user_id}.{snowflake()}"
        self.state = DiscordState(self.token, self.application_id, self.bot_user_id, bot_name)
        self.gateway = Gateway(self.state, lambda: self.gateway_url)
        self.rest = Rest(self.state, self.gateway, lambda: self.gateway_url)
        self.webhooks = Webhooks(self.state, self.gateway)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def interaction_ttl(self) -> float:
        """Seconds an interaction accepts its initial response (Discord: 3)."""
        return self.state.interaction_ttl

    @interaction_ttl.setter
    def interaction_ttl(self, seconds: float) -> None:
        with self.state.cond:
            self.state.interaction_ttl = seconds

    def expire_token(self, it: Interaction) -> None:
        """`it`'s token is past Discord's 15 minutes: its webhook answers 404 Unknown Webhook from now on."""
        with self.state.cond:
            if it.first_response_at is not None:
                it.first_response_at -= self.state.followup_ttl + 1

    def set_locale(self, user_id: str, locale: str) -> None:
        """The Discord language `user_id`'s interactions carry from now on (as their client's language setting)."""
        with self.state.cond:
            self.state.locales[user_id] = locale


    # seeding
    def add_guild(self, guild_id: str, name: str, roles: dict[str, str] | None = None) -> None:
        with self.state.cond:
            self.state.add_guild(guild_id, name, roles)
            guild = self.state.guild_payload(guild_id)
        self._announce(self.gateway.dispatch("GUILD_CREATE", guild, guild_id, GUILDS_INTENT))

    def add_channel(self, guild_id: str, channel_id: str, name: str, type: int = 0,
                    parent_id: str | None = None, overwrites: list[Json] | None = None) -> None:
        """A channel or thread; `overwrites` are its permission overwrites (a private channel denies VIEW_CHANNEL
        to @everyone and allows it to some roles or members)."""
        with self.state.cond:
            made = self.state.add_channel(guild_id, channel_id, name, type, parent_id)
            made["permission_overwrites"] = copy.deepcopy(overwrites or [])
            channel = copy.deepcopy(made)
        event = "THREAD_CREATE" if type in (10, 11, 12) else "CHANNEL_CREATE"
        self._announce(self.gateway.dispatch(event, channel, guild_id, GUILDS_INTENT))

    def add_role(self, guild_id: str, role_id: str, name: str) -> None:
        with self.state.cond:
            roles = self.state.guilds[guild_id].roles
            roles[role_id] = payloads.role(role_id, name, len(roles), "0")
            event = {"guild_id": guild_id, "role": copy.deepcopy(roles[role_id])}
        self._announce(self.gateway.dispatch("GUILD_ROLE_CREATE", event, guild_id, GUILDS_INTENT))

    def set_roles(self, guild_id: str, user_id: str, roles: tuple[str, ...] | list[str]) -> None:
        """Change a member's roles (announced only to bots with the members intent, like Discord)."""
        with self.state.cond:
            member = self.state.guilds[guild_id].members[user_id]
            member["roles"] = list(roles)
            event = {**copy.deepcopy(member), "user": copy.deepcopy(self.state.users[user_id]), "guild_id": guild_id}
        self._announce(self.gateway.dispatch("GUILD_MEMBER_UPDATE", event, guild_id, MEMBERS_INTENT))

    def add_member(self, guild_id: str, user_id: str, username: str, global_name: str | None = None,
                   roles: tuple[str, ...] | list[str] = ()) -> None:
        with self.state.cond:
            member = self.state.add_member(guild_id, user_id, username, global_name, list(roles))
            event = {**copy.deepcopy(member), "guild_id": guild_id}
        self._announce(self.gateway.dispatch("GUILD_MEMBER_ADD", event, guild_id, MEMBERS_INTENT))

    def add_user(self, user_id: str, username: str, global_name: str | None = None) -> None:
        """A user known to Discord but in no seeded guild (e.g. someone who only DMs the bot)."""
        with self.state.cond:
            self.state.add_user(user_id, username, global_name)

    def close_dms(self, user_id: str) -> None:
        """The user blocks DMs from the bot: messages to their DM channel fail with 403 / 50007."""
        with self.state.cond:
            self.state.closed_dms.add(user_id)

    def forbid_files(self, channel_id: str) -> None:
        """The bot lacks Attach Files in the channel: messages with attachments fail with 403 / 50013."""
        with self.state.cond:
            self.state.no_files.add(channel_id)

    def open_dms(self, user_id: str) -> None:
        with self.state.cond:
            self.state.closed_dms.discard(user_id)

    def rate_limit(self, method: str, path_regex: str, times: int = 1, retry_after: float = 0.2,
                   global_: bool = False) -> None:
        """The next `times` requests whose method matches ('*' = any) and whose path below /api/v10 matches
        `path_regex` (re.search, e.g. r"^/channels/\\d+/messages$") get a 429 like Discord's."""
        with self.state.cond:
            self.rest.rules.append(Rule(method.upper(), re.compile(path_regex), times, retry_after, global_))

    # driving the bot
    def slash(self, guild_id: str | None, channel_id: str | None, user_id: str, name: str,
              options: list[Json] | None = None) -> Interaction:
        """A person runs /name with raw option list `options` (guild_id None: in their DM with the bot)."""
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, user_id)
            if guild_id is None:
                drive.refuse_outside_dms(self.state, name)
            data = drive.command_data(self.state, guild_id, name, 1, options or [])
            it = drive.interaction(self.state, 2, guild_id, channel_id, user_id, data)
        return self._dispatch_interaction(it, guild_id)

    def autocomplete(self, guild_id: str | None, channel_id: str | None, user_id: str, name: str,
                     options: list[Json], focused: str) -> Interaction:
        """A person types into option `focused` of /name; read `.choices` once answered (callback type 8)."""
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, user_id)
            data = drive.command_data(self.state, guild_id, name, 1, drive.mark_focused(options, focused))
            it = drive.interaction(self.state, 4, guild_id, channel_id, user_id, data)
        return self._dispatch_interaction(it, guild_id)

    def click(self, message: Json, custom_id: str, user_id: str, component_type: int = 2,
              values: list[str] | None = None) -> Interaction:
        """A person clicks a button (or picks `values` in a select) on `message` (a stored or ephemeral message)."""
        with self.state.cond:
            current = self.state.message_index.get(message["id"], message)
            channel_id = current["channel_id"]
            guild_id = self.state.guild_of(channel_id)
            data: Json = {"custom_id": custom_id, "component_type": component_type}
            if values is not None:
                data["values"] = list(values)
            it = drive.interaction(self.state, 3, guild_id, channel_id, user_id, data, current)
        return self._dispatch_interaction(it, guild_id)

    def submit_modal(self, custom_id: str, values: dict[str, str], user_id: str, guild_id: str | None = None,
                     channel_id: str | None = None, message: Json | None = None,
                     components: list[Json] | None = None) -> Interaction:
        """A person submits modal `custom_id` with text inputs {custom_id: value} (or raw `components`)."""
        rows = components if components is not None else [
            {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]} for key, value in values.items()]
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, user_id)
            data = {"custom_id": custom_id, "components": rows}
            it = drive.interaction(self.state, 5, guild_id, channel_id, user_id, data, message)
        return self._dispatch_interaction(it, guild_id)

    def submit_modal_for(self, answered: Interaction, values: dict[str, str], timeout: float = 30.0) -> Interaction:
        """Fill and submit the modal that `answered` was answered with (callback type 9), as the same person."""
        answered.wait(lambda it: it.modal is not None, timeout)
        modal = answered.modal
        assert modal is not None
        payload = answered.payload
        person: Json = (payload.get("member") or {}).get("user") or payload["user"]
        user_id = str(person["id"])
        return self.submit_modal(modal["custom_id"], values, user_id, payload.get("guild_id"), payload["channel_id"],
                                 payload.get("message"), components=drive.fill_modal(modal, values))

    def message_command(self, guild_id: str | None, channel_id: str | None, user_id: str, name: str,
                        message: Json) -> Interaction:
        """A person runs the message context-menu command `name` on `message`."""
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, user_id)
            target = copy.deepcopy(self.state.message_index.get(message["id"], message))
            data = drive.command_data(self.state, guild_id, name, 3, [])
            data.update(target_id=target["id"], resolved={"messages": {target["id"]: target}})
            it = drive.interaction(self.state, 2, guild_id, channel_id, user_id, data)
        return self._dispatch_interaction(it, guild_id)

    def post_message(self, guild_id: str | None, channel_id: str | None, author_id: str, content: str,
                     mentions: list[str] | tuple[str, ...] = ()) -> Json:
        """A person posts a message (guild_id None: in their DM); MESSAGE_CREATE carries content when it mentions
        the bot, is a DM, or the session has the message content intent."""
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, author_id)
            author = self.state.users[author_id]
            message = self.state.create_message(channel_id, author, {"content": content})
            message["mentions"] = [copy.deepcopy(self.state.users[u]) for u in mentions if u in self.state.users]
            roles = self.state.guilds[guild_id].roles if guild_id in self.state.guilds else {}
            message["mention_roles"] = [r for r in dict.fromkeys(ROLE_MENTION.findall(content)) if r in roles]
            event = self.state.gateway_message(message)
            stored = copy.deepcopy(message)
        private = guild_id is not None and self.bot_user_id not in mentions
        self._run(self.gateway.dispatch("MESSAGE_CREATE", event, guild_id,
                                        GUILD_MESSAGES if guild_id else DIRECT_MESSAGES, needs_content_intent=private))
        return stored

    def react(self, guild_id: str | None, channel_id: str | None, message_id: str, user_id: str,
              emoji: str = "\u2705") -> None:
        """A person adds a reaction to a message (guild_id None: in their DM with the bot): MESSAGE_REACTION_ADD,
        to sessions with the guild (or direct) message reactions intent, as Discord sends it."""
        with self.state.cond:
            channel_id = self._channel_for(guild_id, channel_id, user_id)
            event: Json = {"user_id": user_id, "channel_id": channel_id, "message_id": message_id,
                           "emoji": {"id": None, "name": emoji}, "type": 0, "burst": False, "burst_colors": []}
            if guild_id is not None:
                event.update(guild_id=guild_id, member=self.state.member(guild_id, user_id))
        intent = GUILD_MESSAGE_REACTIONS if guild_id else DIRECT_MESSAGE_REACTIONS
        self._run(self.gateway.dispatch("MESSAGE_REACTION_ADD", event, guild_id, intent))

    # observing
    @property
    def requests(self) -> list[RequestRecord]:
        with self.state.cond:
            return list(self.state.requests)

    @property
    def interactions(self) -> list[Interaction]:
        with self.state.cond:
            return list(self.state.interactions.values())

    @property
    def connections(self) -> int:
        """Identified gateway sessions right now."""
        return self._run(self._count_sessions())

    def wait_connected(self, sessions: int = 1, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while self.connections < sessions:
            if time.monotonic() > deadline:
                raise TimeoutError(f"fewer than {sessions} gateway sessions after {timeout}s")
            time.sleep(0.01)

    def messages(self, channel_id: str) -> list[Json]:
        with self.state.cond:
            return copy.deepcopy(self.state.messages.get(channel_id, []))

    def message(self, message_id: str) -> Json | None:
        with self.state.cond:
            found = self.state.message_index.get(message_id)
            return copy.deepcopy(found) if found is not None else None

    def dm_channel_of(self, user_id: str) -> str | None:
        with self.state.cond:
            return self.state.dm_channels.get(user_id)

    def dms(self, user_id: str) -> list[Json]:
        channel_id = self.dm_channel_of(user_id)
        return [] if channel_id is None else self.messages(channel_id)

    def wait_for_message(self, predicate: Callable[[Json], bool], timeout: float = 30.0) -> Json:
        """Block until some message (in a channel, or an interaction's original/follow-up; edits included) matches."""
        deadline = time.monotonic() + timeout
        with self.state.cond:
            while True:
                found = next((m for m in self.state.all_messages() if predicate(copy.deepcopy(m))), None)
                if found is not None:
                    return copy.deepcopy(found)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no matching message within {timeout}s")
                self.state.cond.wait(left)

    def commands(self, guild_id: str | None = None) -> list[Json]:
        """Registered application commands: global (None) or of one guild."""
        with self.state.cond:
            return copy.deepcopy(self.state.commands.get(guild_id, []))

    # internals
    def _channel_for(self, guild_id: str | None, channel_id: str | None, user_id: str) -> str:
        if guild_id is None and channel_id is None:
            return str(self.state.dm_channel(user_id)["id"])
        if channel_id is None or channel_id not in self.state.channels:
            raise KeyError(f"unknown channel {channel_id}")
        return channel_id

    def _dispatch_interaction(self, it: Interaction, guild_id: str | None) -> Interaction:
        def stamp() -> None:
            with self.state.cond:
                it.dispatched_at = time.perf_counter()

        count = self._run(self.gateway.dispatch("INTERACTION_CREATE", it.payload, guild_id, before_send=stamp))
        with self.state.cond:
            it.delivered = count
        return it

    async def _count_sessions(self) -> int:
        return sum(1 for s in self.gateway.sessions if not s.ws.closed)

    def _announce(self, coro: Coroutine[Any, Any, int]) -> None:
        """Push a seeding event to connected sessions; nothing to do before the fake runs."""
        if self._loop is None:
            coro.close()
            return
        self._run(coro)

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._loop is None:
            coro.close()
            raise RuntimeError("the fake Discord is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.rest.middleware], client_max_size=64 * 1024 * 1024)
        app.add_routes(self.rest.routes() + self.webhooks.routes())
        app.router.add_get("/gateway", self.gateway.handler)
        app.on_shutdown.append(self.gateway.close_all)
        return app


@contextmanager
def running_fake_discord(**kwargs: Any) -> Iterator[FakeDiscord]:
    """Start a FakeDiscord for the duration of the block (kwargs: token, application_id, bot_user_id, bot_name)."""
    fake = FakeDiscord(**kwargs).start()
    try:
        yield fake
    finally:
        fake.stop()
