"""DMs with the bot on Discord: they belong to no server, so they act in the server the person last used Tandem
in; with several and no choice yet, Tandem asks once which one, with a button per server."""
from __future__ import annotations

from typing import Any

import discord

from adapters.discord.bridge import DiscordCore, Place
from adapters.discord.buttons import TaskButton
from adapters.discord.people import PLATFORM
from adapters.discord.render import escape
from core.chat import Places
from core.conversations import ConversationFacts, ConversationKind

CHOOSE = ("You use Tandem in several servers. Which one should your DMs act in? I'll remember it; using Tandem in "
          "another server later changes it. Then say it again.")
UNKNOWN = ("I don't know you from a server yet. Use /task in a server we share first (e.g. /task list), then write "
           "to me here.")
CHOICES = 25


class Choice:
    """Where a DM can't act yet: the question to ask, with a button per server (each runs /task list there)."""

    def __init__(self, text: str, places: Places | None = None, bot: discord.Client | None = None) -> None:
        self.text, self.places, self.bot = text, places, bot

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for send; must run on the bot's event loop (a View needs one)."""
        found: dict[str, Any] = {"content": escape(self.text), "allowed_mentions": discord.AllowedMentions.none()}
        if self.places is not None:
            view = discord.ui.View(timeout=None)
            for place in self.places.known[:CHOICES]:
                view.add_item(TaskButton(place.external_id, "/task list mine", (place.name or place.external_id)[:80]))
            found["view"] = view
        return found


async def dm_place(core: DiscordCore, user: discord.abc.User, bot: discord.Client, channel: str | None = None
                   ) -> Place | Choice:
    """The server a DM from `user` acts in (the DM as its conversation), or the question to ask first."""
    found = await core.in_thread(core.bus.places_of, PLATFORM, str(user.id))
    shared = tuple(p for p in found.known if p.external_id.isdigit() and bot.get_guild(int(p.external_id)))
    last = found.last if found.last in shared else None
    chosen = last or (shared[0] if len(shared) == 1 else None)
    if chosen is None:
        return Choice(CHOOSE, Places(None, shared), bot) if shared else Choice(UNKNOWN)
    place = Place(chosen.external_id, chosen.name, channel)
    if channel:
        await _record_dm(core, place, str(user.id))
    return place


async def _record_dm(core: DiscordCore, place: Place, user: str) -> None:
    """The DM, told to the core once per process: a conversation of this person alone (with the bot)."""
    assert place.channel is not None
    key = (place.guild_id, place.channel)
    if key in core.recorded:
        return
    facts = ConversationFacts(PLATFORM, place.guild_id, place.guild_name, place.channel, ConversationKind.DM,
                              members=frozenset({user}))
    await core.in_thread(core.bus.record_conversation, facts)
    core.recorded[key] = float("inf")
