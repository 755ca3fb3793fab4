"""The fake's world (guilds, channels, users, messages, commands, interactions), guarded by one condition."""
from __future__ import annotations

import copy
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from tests.fakediscord import payloads
from tests.fakediscord.ids import now_iso, snowflake
from tests.fakediscord.records import Interaction, RequestRecord

Json = dict[str, Any]
MENTION = re.compile(r"<@!?(\d+)>")
NONCE_WINDOW = 300.0  # Discord: a nonce is checked for uniqueness "in the past few minutes"


@dataclass
class GuildState:
    """A seeded guild: its roles (id → payload), channel ids, and members (user id → member minus user)."""

    id: str
    name: str
    owner_id: str
    joined_at: str
    roles: dict[str, Json] = field(default_factory=dict)
    channel_ids: list[str] = field(default_factory=list)
    members: dict[str, Json] = field(default_factory=dict)


class DiscordState:
    """Everything the fake knows; every access holds `cond` (a threading.Condition, notified on every change)."""

    def __init__(self, token: str, application_id: str, bot_user_id: str, bot_name: str) -> None:
        self.cond = threading.Condition()
        self.token = token
        self.application_id = application_id
        self.bot_user_id = bot_user_id
        self.bot_user = payloads.user(bot_user_id, bot_name, None, bot=True)
        self.owner_user = payloads.user(snowflake(), "fake-owner")
        self.users: dict[str, Json] = {bot_user_id: self.bot_user}
        self.guilds: dict[str, GuildState] = {}
        self.channels: dict[str, Json] = {}
        self.dm_channels: dict[str, str] = {}
        self.closed_dms: set[str] = set()
        self.no_files: set[str] = set()  # channels where the bot may not attach files
        self.messages: dict[str, list[Json]] = {}
        self.message_index: dict[str, Json] = {}
        self.ephemeral_index: dict[str, Json] = {}  # ephemeral messages: in no channel, but their buttons work
        self.commands: dict[str | None, list[Json]] = {}
        self.interactions: dict[str, Interaction] = {}
        self.interactions_by_token: dict[str, Interaction] = {}
        self.requests: list[RequestRecord] = []
        self.interaction_ttl = 3.0
        self.nonce_window = NONCE_WINDOW
        self.nonces: dict[tuple[str, str], tuple[float, str]] = {}  # (author, nonce) -> (when, message id)
        self.followup_ttl = 15 * 60.0
        self.locales: dict[str, str] = {}  # user id -> the Discord language their interactions carry (else en-US)

    def changed(self) -> None:
        self.cond.notify_all()

    # guilds, channels, members
    def add_guild(self, guild_id: str, name: str, roles: dict[str, str] | None) -> None:
        guild = GuildState(guild_id, name, self.owner_user["id"], now_iso())
        guild.roles[guild_id] = payloads.role(guild_id, "@everyone", 0, payloads.EVERYONE_PERMISSIONS)
        for position, (role_id, role_name) in enumerate((roles or {}).items(), start=1):
            guild.roles[role_id] = payloads.role(role_id, role_name, position, "0")
        guild.members[self.bot_user_id] = payloads.member(self.bot_user, [], guild.joined_at)
        self.guilds[guild_id] = guild

    def add_channel(self, guild_id: str, channel_id: str, name: str, kind: int, parent_id: str | None) -> Json:
        guild = self.guilds[guild_id]
        if kind in (10, 11, 12) and parent_id is None:
            raise ValueError("a thread needs parent_id")
        channel = payloads.guild_channel(channel_id, guild_id, name, kind, parent_id, self.bot_user_id,
                                         len(guild.channel_ids))
        self.channels[channel_id] = channel
        guild.channel_ids.append(channel_id)
        return channel

    def add_user(self, user_id: str, username: str, global_name: str | None) -> Json:
        self.users[user_id] = payloads.user(user_id, username, global_name)
        return self.users[user_id]

    def add_member(self, guild_id: str, user_id: str, username: str, global_name: str | None,
                   roles: list[str]) -> Json:
        user = self.add_user(user_id, username, global_name)
        member = payloads.member(user, roles, now_iso())
        self.guilds[guild_id].members[user_id] = member
        return member

    def member(self, guild_id: str, user_id: str, with_permissions: bool = False) -> Json | None:
        guild = self.guilds.get(guild_id)
        member = guild.members.get(user_id) if guild else None
        if guild is None or member is None:
            return None
        data = copy.deepcopy(member)
        data["user"] = copy.deepcopy(self.users[user_id])
        if with_permissions:
            data["permissions"] = self.permissions(guild, user_id)
        return data

    def permissions(self, guild: GuildState, user_id: str) -> str:
        if user_id in (guild.owner_id, self.bot_user_id):
            return payloads.ALL_PERMISSIONS
        value = 0
        for role_id in [guild.id, *guild.members[user_id]["roles"]]:
            value |= int(guild.roles.get(role_id, {}).get("permissions", "0"))
        return str(value)

    def guild_payload(self, guild_id: str) -> Json:
        guild = self.guilds[guild_id]
        channels = [copy.deepcopy(self.channels[c]) for c in guild.channel_ids]
        members = [self.member(guild_id, user_id) for user_id in guild.members]
        return payloads.guild(
            guild_id, guild.name, guild.owner_id, copy.deepcopy(list(guild.roles.values())),
            [c for c in channels if c["type"] not in (10, 11, 12)], [c for c in channels if c["type"] in (10, 11, 12)],
            [m for m in members if m is not None], guild.joined_at)

    def guild_of(self, channel_id: str) -> str | None:
        channel = self.channels.get(channel_id)
        return None if channel is None else channel.get("guild_id")

    def dm_channel(self, user_id: str) -> Json:
        """The user's DM channel, created on first use (stable per user)."""
        channel_id = self.dm_channels.get(user_id)
        if channel_id is None:
            channel_id = self.dm_channels[user_id] = snowflake()
            self.channels[channel_id] = payloads.dm_channel(channel_id, self.users[user_id])
        return self.channels[channel_id]

    def dm_recipient(self, channel_id: str) -> str | None:
        return next((user for user, channel in self.dm_channels.items() if channel == channel_id), None)

    # messages
    def create_message(self, channel_id: str, author: Json, body: Json, kind: int = 0, store: bool = True) -> Json:
        """Build a full message from a create body; store it in its channel unless `store` is False (ephemeral)."""
        message = payloads.message(snowflake(), channel_id, copy.deepcopy(author), body, kind)
        message["mentions"] = [copy.deepcopy(self.users[u]) for u in MENTION.findall(message["content"])
                               if u in self.users]
        reference = message.get("message_reference", {}).get("message_id")
        if reference and reference in self.message_index:
            message["referenced_message"] = copy.deepcopy(self.message_index[reference])
            message["type"] = 19 if kind == 0 else kind
        if store:
            self.messages.setdefault(channel_id, []).append(message)
            self.message_index[message["id"]] = message
            if channel_id in self.channels:
                self.channels[channel_id]["last_message_id"] = message["id"]
        else:
            self.ephemeral_index[message["id"]] = message
        self.changed()
        return message

    def sent_with_nonce(self, author_id: str, body: Json) -> Json | None:
        """With `enforce_nonce`, the message `author_id` already created with this nonce in the last few minutes."""
        if not body.get("enforce_nonce") or body.get("nonce") is None:
            return None
        seen = self.nonces.get((author_id, str(body["nonce"])))
        if seen is None or time.monotonic() - seen[0] > self.nonce_window:
            return None
        return self.message_index.get(seen[1])

    def remember_nonce(self, author_id: str, body: Json, message: Json) -> None:
        if body.get("enforce_nonce") and body.get("nonce") is not None:
            self.nonces[(author_id, str(body["nonce"]))] = (time.monotonic(), message["id"])

    def delete_message(self, message: Json) -> None:
        """Remove a message from its channel (it stays reachable through interaction records)."""
        channel = self.messages.get(message["channel_id"], [])
        if message in channel:
            channel.remove(message)
        self.message_index.pop(message["id"], None)
        message["deleted"] = True
        self.changed()

    def gateway_message(self, message: Json) -> Json:
        """A MESSAGE_CREATE payload: the message plus guild_id and member for guild channels."""
        data = copy.deepcopy(message)
        guild_id = self.guild_of(message["channel_id"])
        if guild_id is not None:
            data["guild_id"] = guild_id
            member = self.member(guild_id, message["author"]["id"])
            if member is not None:
                member.pop("user")
                data["member"] = member
        return data

    def all_messages(self) -> list[Json]:
        found = [m for channel in self.messages.values() for m in channel]
        found += [m for it in self.interactions.values() for m in [it._original, *it._followups] if m is not None]
        return found

    # commands
    def put_commands(self, guild_id: str | None, commands: list[Json]) -> list[Json]:
        old = {(c["name"], c.get("type", 1)): c["id"] for c in self.commands.get(guild_id, [])}
        stored: list[Json] = []
        for command in commands:
            kind = command.get("type", 1)
            entry = {
                "id": old.get((command["name"], kind)) or snowflake(), "application_id": self.application_id,
                "version": snowflake(), "type": kind, "description": "", "options": [],
                "default_member_permissions": None, "dm_permission": True, "nsfw": False,
                "integration_types": [0], "contexts": None, **copy.deepcopy(command),
            }
            if guild_id is not None:
                entry["guild_id"] = guild_id
            stored.append(entry)
        self.commands[guild_id] = stored
        self.changed()
        return copy.deepcopy(stored)

    def find_command(self, guild_id: str | None, name: str, kind: int) -> Json | None:
        for scope in ([guild_id] if guild_id else []) + [None]:
            for command in self.commands.get(scope, []):
                if command["name"] == name and command.get("type", 1) == kind:
                    return command
        return None
