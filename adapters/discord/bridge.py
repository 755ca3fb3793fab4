"""The one path from a Discord event into the core: who spoke, where, and their words in Tandem's terms."""
from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

import discord

from adapters.common.known import KnownPeople
from adapters.common.runner import BusRunner
from adapters.discord.access import can_view, facts
from adapters.discord.people import PLATFORM, ServerRules, identity_of
from core.commands import Speaker
from core.conversations import MembershipChange
from core.i18n import _, speaking_to
from core.identity import Identity
from core.people import Person
from core.teams import GroupFacts

MENTION = re.compile(r"<@!?(\d{5,22})>")
ROLE_MENTION = re.compile(r"<@&(\d{5,22})>")
KNOWN_SECONDS = 600.0  # how long a person read from the database is trusted while Discord says the same about them
CHANNEL_SECONDS = 300.0  # how long a channel's kind (public or private, from its overwrites) is trusted


@dataclass(frozen=True)
class Place:
    """Where on Discord something was said: the server, and optionally the channel (or thread) and message."""

    guild_id: str
    guild_name: str = ""
    channel: str | None = None
    message: str | None = None
    link: str | None = None
    locale: str | None = None  # the speaker's Discord language, when an interaction carries it
    guild_locale: str | None = None  # the server's preferred locale, for a newcomer who carries none


@dataclass
class DiscordCore(BusRunner):
    """Bus calls for Discord listeners, with the people they involve remembered between events."""

    rules: ServerRules = field(default_factory=ServerRules)
    known: KnownPeople = field(default_factory=lambda: KnownPeople(KNOWN_SECONDS, agrees=_same))
    zone_asked: set[tuple[int, int]] = field(default_factory=set)
    recorded: dict[tuple[str, str], float] = field(default_factory=dict)  # (server, channel) -> kind stored until
    access: dict[tuple[str, str, str], bool] = field(default_factory=dict)  # (server, channel, user) -> may view
    places: dict[str, str] = field(default_factory=dict)  # Discord user -> the server their DMs act in, as stored
    roles_noted: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # (server, user) -> roles told

    async def speaker(self, user: discord.abc.User, place: Place) -> Speaker:
        await self.acting(user, place)
        person = await self.person(user, place)
        await self.used_in(user, place.guild_id)
        return speaker_of(person, place)

    async def used_in(self, user: discord.abc.User, guild_id: str) -> None:
        """Someone used Tandem in a server: their DMs act there from now on (stored only when it changes)."""
        if guild_id and self.places.get(str(user.id)) != guild_id:
            await self.in_thread(self.bus.remember_place, PLATFORM, str(user.id), guild_id)
            self.places[str(user.id)] = guild_id

    async def note_member_roles(self, user: discord.abc.User, place: Place) -> None:
        """The roles someone carries, told to the core when they changed (so they may claim their groups' requests):
        listing a role's members needs a privileged intent, but a member acting shows their own roles."""
        if not isinstance(user, discord.Member):
            return
        key, roles = (place.guild_id, str(user.id)), tuple(sorted(str(r.id) for r in user.roles if not r.is_default()))
        if roles and self.roles_noted.get(key) != roles:
            await self.in_thread(self.bus.note_roles, PLATFORM, place.guild_id, str(user.id), roles)
            self.roles_noted[key] = roles

    async def readable_roles(self, text: str, place: Place, roles: Sequence[discord.Role]) -> str:
        """Every role mention <@&123> stored as a group (its members are those who join its intake or are seen
        carrying it) and turned into the @handle a request names a group by."""
        handles: dict[str, str] = {}
        for role in roles:
            facts = GroupFacts(PLATFORM, place.guild_id, str(role.id), role.name)
            handles[str(role.id)] = (await self.in_thread(self.bus.record_group, facts)).handle
        return ROLE_MENTION.sub(lambda m: f"@{handles[m.group(1)]}" if m.group(1) in handles else m.group(0), text)

    async def acting(self, user: discord.abc.User, place: Place) -> None:
        """Before someone acts in a server: the channel they act in is recorded (its kind), and what they may view
        among the server's non-public conversations is recomputed from roles and overwrites and stored."""
        await self.note_member_roles(user, place)
        if not isinstance(user, discord.Member) or not place.channel:
            return
        await self.person(user, place)  # the server becomes a workspace the way people first see it
        guild = user.guild
        here = guild.get_channel_or_thread(int(place.channel))
        if here is not None and self.recorded.get((place.guild_id, place.channel), float("-inf")) <= time.monotonic():
            await self.in_thread(self.bus.record_conversation, facts(here, guild))
            self.recorded[(place.guild_id, place.channel)] = time.monotonic() + CHANNEL_SECONDS
        for channel_id in await self.in_thread(self.bus.not_public_conversations, PLATFORM, place.guild_id):
            channel = guild.get_channel_or_thread(int(channel_id)) if channel_id.isdigit() else None
            views = channel is not None and can_view(channel, user)
            key = (place.guild_id, channel_id, str(user.id))
            if self.access.get(key) is not views:
                await self.in_thread(self.bus.change_membership,
                                     MembershipChange(PLATFORM, place.guild_id, channel_id, str(user.id), joined=views))
                self.access[key] = views

    async def know_channels(self, user: discord.abc.User, place: Place, channels: Sequence[int]) -> None:
        """Channels a command names (a reminder's), recorded with whether `user` may view each: Discord lists no
        channel's members without a privileged intent, so a person's place in a public channel is stored too."""
        if not isinstance(user, discord.Member):
            return
        for channel_id in channels:
            channel = user.guild.get_channel_or_thread(channel_id)
            if channel is None:
                continue
            await self.in_thread(self.bus.record_conversation, facts(channel, user.guild))
            change = MembershipChange(PLATFORM, place.guild_id, str(channel_id), str(user.id),
                                      joined=can_view(channel, user))
            await self.in_thread(self.bus.change_membership, change)

    async def person(self, user: discord.abc.User, place: Place) -> Person:
        """bus.whois for a Discord user in a server, remembered while what Discord says about them is unchanged."""
        who = identity_of(user, place.guild_id, place.guild_name, self.rules, place.locale, place.guild_locale)
        return await self.known.person(who, partial(self.in_thread, self.bus.whois))

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
        if not await self._first_zone_mention(key):
            return None
        with speaking_to(person.lang):
            return _("🕑 I read your dates and times in {zone}. Discord doesn't tell me your time zone — if you're "
                     "elsewhere, set it with /task settings timezone (e.g. America/New_York).", zone=person.tz)


    async def zone_told(self, person: Person) -> None:
        """Someone who set their zone themselves need not be asked."""
        await self._first_zone_mention((person.workspace_id, person.id or 0))

    async def _first_zone_mention(self, key: tuple[int, int]) -> bool:
        """Whether the zone was never mentioned to this person (in any process); from now on it has been."""
        self.zone_asked.add(key)
        return await self.in_thread(self.bus.first_time, f"discord:zone-asked:{key[0]}:{key[1]}")


def speaker_of(person: Person, place: Place) -> Speaker:
    return Speaker(person.workspace_id, person.id or 0, place.channel, place.message, place.link, person.lang)


def _same(a: Identity, b: Identity) -> bool:
    """Whether Discord says the same about a person; a DM (no role known) agrees with any stored role."""
    return (a.display_name == b.display_name and a.handle == b.handle and (b.role is None or a.role == b.role)
            and (b.locale is None or a.locale == b.locale))
