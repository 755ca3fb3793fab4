"""The one path from a Discord event into the core: who spoke, where, and their words in Tandem's terms."""
from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import discord

from adapters.common.runner import BusRunner
from adapters.discord.people import ServerRules, identity_of
from core.commands import Speaker
from core.identity import Identity
from core.people import Person

MENTION = re.compile(r"<@!?(\d{5,22})>")
KNOWN_SECONDS = 600.0  # how long a person read from the database is trusted while Discord says the same about them


@dataclass(frozen=True)
class Place:
    """Where on Discord something was said: the server, and optionally the channel (or thread) and message."""

    guild_id: str
    guild_name: str = ""
    channel: str | None = None
    message: str | None = None
    link: str | None = None


@dataclass
class DiscordCore(BusRunner):
    """Bus calls for Discord listeners, with the people they involve remembered between events."""

    rules: ServerRules = field(default_factory=ServerRules)
    known_for: float = KNOWN_SECONDS
    known: dict[tuple[str, str], tuple[float, Identity, Person]] = field(default_factory=dict)
    zone_asked: set[tuple[int, int]] = field(default_factory=set)
    sight_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def speaker(self, user: discord.abc.User, place: Place) -> Speaker:
        return speaker_of(await self.person(user, place), place)

    async def person(self, user: discord.abc.User, place: Place) -> Person:
        """bus.whois for a Discord user in a server, cached while what Discord says about them is unchanged."""
        who = identity_of(user, place.guild_id, place.guild_name, self.rules)
        found = self._known(who)
        if found is not None:
            return found
        async with self.sight_lock:  # one first sighting at a time, so concurrent events don't race to create them
            found = self._known(who)
            if found is None:
                found = await self.in_thread(self.bus.whois, who)
                self.known[(who.workspace_external_id, who.user_external_id)] = (
                    time.monotonic() + self.known_for, who, found)
            return found

    def _known(self, who: Identity) -> Person | None:
        cached = self.known.get((who.workspace_external_id, who.user_external_id))
        if cached is None or cached[0] <= time.monotonic() or not _same(cached[1], who):
            return None
        return cached[2]

    def forget(self, guild_id: str, user_id: str) -> None:
        self.known.pop((guild_id, user_id), None)

    async def readable(self, text: str, place: Place, lookup: Callable[[str], Awaitable[discord.abc.User | None]],
                       bot_id: str | None = None) -> str:
        """Discord text with the bot's own mention removed and every <@123> replaced by the @handle Tandem knows."""
        if bot_id:
            text = re.sub(rf"<@!?{bot_id}>[,:]?", "", text)
        handles: dict[str, str] = {}
        for user_id in dict.fromkeys(MENTION.findall(text)):
            user = await lookup(user_id)
            if user is not None:
                handles[user_id] = (await self.person(user, place)).handle
        replaced = MENTION.sub(lambda m: f"@{handles[m.group(1)]}" if m.group(1) in handles else m.group(0), text)
        return " ".join(replaced.split())

    async def zone_question(self, person: Person) -> str | None:
        """Once per person, on their first request: the time zone Tandem reads their dates in, and how to change it."""
        key = (person.workspace_id, person.id or 0)
        if key in self.zone_asked:
            return None
        self.zone_asked.add(key)
        if not await self.in_thread(self.bus.first_time, f"discord:zone-asked:{key[0]}:{key[1]}"):
            return None
        return (f"🕑 I read your dates and times in **{person.tz}**. Discord doesn't tell me your time zone — "
                "if you're elsewhere, set it with `/task settings timezone` (e.g. America/New_York).")

    async def zone_told(self, person: Person) -> None:
        """Someone who set their zone themselves need not be asked."""
        key = (person.workspace_id, person.id or 0)
        self.zone_asked.add(key)
        await self.in_thread(self.bus.first_time, f"discord:zone-asked:{key[0]}:{key[1]}")


def speaker_of(person: Person, place: Place) -> Speaker:
    return Speaker(person.workspace_id, person.id or 0, place.channel, place.message, place.link)


def _same(a: Identity, b: Identity) -> bool:
    """Whether Discord says the same about a person; a DM (no role known) agrees with any stored role."""
    return a.display_name == b.display_name and a.handle == b.handle and (b.role is None or a.role == b.role)
