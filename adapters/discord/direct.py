"""DMs with the bot on Discord: they belong to no server, so they act in the server the person last used Tandem
in; with several and no choice yet, Tandem asks once which one, with a button per server."""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

import discord

from adapters.discord.bridge import DiscordCore, Place
from adapters.discord.buttons import TaskButton
from adapters.discord.people import PLATFORM
from adapters.discord.render import escape, shown
from core.chat import Places
from core.commands import Converse, ReactDone
from core.conversations import ConversationFacts, ConversationKind
from core.i18n import N_, _, speaking_to

log = logging.getLogger("tandem.discord")
DONE_EMOJI = frozenset({"\u2705", "\u2714\ufe0f", "\u2714", "\u2611\ufe0f", "\u2611"})  # ✅ ✔️ ☑️

CHOOSE = N_("You use Tandem in several servers. Which one should your DMs act in? I'll remember it; using Tandem in "
            "another server later changes it. Then say it again.")
UNKNOWN = N_("I don't know you from a server yet. Use /task in a server we share first (e.g. /task list), then write "
             "to me here.")
CHOICES = 25


class DmBot(Protocol):
    """What the DM and reaction handlers need of the running bot."""

    core: DiscordCore

    def get_guild(self, guild_id: int, /) -> discord.Guild | None: ...
    def get_user(self, user_id: int, /) -> discord.User | None: ...
    async def fetch_user(self, user_id: int, /) -> discord.User: ...
    def member_lookup(self, place: Place, given: Sequence[discord.abc.User] = ()
                      ) -> Callable[[str], Awaitable[discord.abc.User | None]]: ...
    def _guild_name(self, guild_id: str) -> str: ...


class Choice:
    """Where a DM can't act yet: the question to ask, with a button per server (each runs /task list there)."""

    def __init__(self, text: str, places: Places | None = None) -> None:
        self.text, self.places = text, places

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for send; must run on the bot's event loop (a View needs one)."""
        found: dict[str, Any] = {"content": escape(self.text), "allowed_mentions": discord.AllowedMentions.none()}
        if self.places is not None:
            view = discord.ui.View(timeout=None)
            for place in self.places.known[:CHOICES]:
                view.add_item(TaskButton(place.external_id, "/task list mine", (place.name or place.external_id)[:80]))
            found["view"] = view
        return found


async def answer_dm(bot: DmBot, message: discord.Message) -> None:
    """Plain words (or a /task line) from a DM, run in the person's server and answered in the DM."""
    core = bot.core
    found = await dm_place(core, message.author, bot, str(message.channel.id))
    if isinstance(found, Choice):
        await message.channel.send(**found.kwargs())
        return
    speaker = await core.speaker(message.author, found)
    said = (await core.readable(message.content, found, bot.member_lookup(found, message.mentions))).strip()
    answer = await (core.run_text(said, speaker) if said.startswith("/task") else core.run(Converse(said), speaker))
    await message.channel.send(**shown(answer.reply, quote=said).kwargs(found.guild_id))


async def react_done(bot: DmBot, event: discord.RawReactionActionEvent) -> None:
    """A ✅ on a message: done when it is a card of a task the person owns; told in a DM, with Undo."""
    user = event.member or bot.get_user(event.user_id) or await bot.fetch_user(event.user_id)
    if event.guild_id is not None:
        place: Place | Choice = Place(str(event.guild_id), bot._guild_name(str(event.guild_id)))
    else:
        place = await dm_place(bot.core, user, bot)
    if isinstance(place, Choice):
        return
    speaker = await bot.core.speaker(user, place)
    answer = await bot.core.run(ReactDone(PLATFORM, str(event.channel_id), str(event.message_id)), speaker)
    if answer.ok and answer.reply.text:
        try:
            await user.send(**shown(answer.reply).kwargs(place.guild_id))
        except discord.HTTPException as error:
            log.info("could not tell %s their task is done: %s", event.user_id, error)


async def dm_place(core: DiscordCore, user: discord.abc.User, bot: DmBot, channel: str | None = None
                   ) -> Place | Choice:
    """The server a DM from `user` acts in (the DM as its conversation), or the question to ask first."""
    found = await core.in_thread(core.bus.places_of, PLATFORM, str(user.id))
    shared = tuple(p for p in found.known if p.external_id.isdigit() and bot.get_guild(int(p.external_id)))
    last = found.last if found.last in shared else None
    chosen = last or (shared[0] if len(shared) == 1 else None)
    if chosen is None and not shared:
        return Choice(_(UNKNOWN))  # no server: no language known but the source's
    if chosen is None:
        person = await core.person(user, Place(shared[0].external_id, shared[0].name))
        with speaking_to(person.lang):
            return Choice(_(CHOOSE), Places(None, shared))
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
