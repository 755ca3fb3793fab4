"""The Discord bot: slash commands, mentions, the message menu, persistent buttons and modals, over one core."""
from __future__ import annotations

import io
import logging
import time
from collections.abc import Coroutine, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import discord
from discord import app_commands

from adapters.common.buttons import done_by, needs_modal, words
from adapters.common.errors import unexpected
from adapters.common.runner import Answer
from adapters.discord.admin_commands import AdminCommands
from adapters.discord.bridge import DiscordCore, Place, speaker_of
from adapters.discord.buttons import TaskButton
from adapters.discord.commands import TaskCommands
from adapters.discord.direct import DONE_EMOJI, Choice, answer_dm, dm_place, react_done
from adapters.discord.modals import (
    BLANKS_FORM,
    MESSAGE_FORM,
    blanks_form,
    filled,
    message_form,
    submitted_values,
    task_text,
)
from adapters.discord.people import PLATFORM
from adapters.discord.render import ORIGINAL, Shown, escape, quote_of, reply_card, shown
from adapters.discord.translator import TandemTranslator
from core.commands import DraftRequest, RememberCard, SuggestPeople, SuggestTasks
from core.i18n import N_, _, speaking_to
from core.outcome import Attachment, Card, Reply
from core.requests import begin_request
from core.tasks import parse_ref

log = logging.getLogger("tandem.discord")
DISCORD_HELP = N_("On Discord each part is a field of the subcommand: /task settings timezone, "
                   "/task start blocked:True, /task watch stop:True. Buttons on Tandem's messages do the same.")
STALE = "stale"  # the reply's verb when a clicked card showed an old state of its task
ALREADY_ANSWERED = 40060  # another process sharing this bot's gateway acknowledged the interaction first
Interaction = discord.Interaction[Any]


class TandemBot(discord.AutoShardedClient):
    """One bot for any number of servers (each a workspace); needs no privileged intent."""

    def __init__(self, core: DiscordCore, sync_commands: bool = True, **options: Any) -> None:
        intents = discord.Intents.default()  # no privileged intent: mentions carry their text anyway
        intents.dm_messages = True  # DMs to the bot carry their text without the message content intent
        intents.reactions = True  # a ✅ on a task's card (in a server or a DM)
        super().__init__(intents=intents, allowed_mentions=discord.AllowedMentions.none(), **options)
        self.core, self.sync_commands = core, sync_commands
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self._command_failed  # type: ignore[method-assign]

    async def setup_hook(self) -> None:
        await self.tree.set_translator(TandemTranslator())
        self.add_dynamic_items(TaskButton)

        self.tree.add_command(TaskCommands())
        self.tree.add_command(AdminCommands())
        menu = app_commands.ContextMenu(name="Make it a task", callback=self.make_it_a_task)
        self.tree.add_command(app_commands.guild_only()(menu))
        if self.sync_commands:
            await self.tree.sync()

    async def on_ready(self) -> None:
        log.info("Discord: connected as %s to %d server(s) over %d shard(s)", self.user, len(self.guilds),
                 self.shard_count or 1)

    # slash commands
    async def run_slash(self, interaction: Interaction, text: str, public: bool = False,
                        roles: Sequence[discord.Role] = (), channels: Sequence[int] = ()) -> None:
        """Defer at once (the 3-second rule), then run `/task <text>` and answer with a follow-up; `roles`
        mentioned in `text` are read as the groups they stand for, `channels` it names are recorded first."""
        begin_request("discord", str(interaction.guild_id or ""))
        await interaction.response.defer(ephemeral=not public, thinking=True)
        waited = (datetime.now(UTC) - interaction.created_at).total_seconds()
        self.core.bus.observer.acknowledged("discord", max(0.0, waited))
        place = self.place_of(interaction)
        if not place.guild_id:  # in a DM with the bot: the server the person last used Tandem in
            found = await dm_place(self.core, interaction.user, self, str(interaction.channel_id or "") or None)
            if isinstance(found, Choice):
                await interaction.followup.send(**found.kwargs())
                return
            place = found
        await self.core.acting(interaction.user, place)
        await self.core.know_channels(interaction.user, place, channels)
        person = await self.core.person(interaction.user, place)
        await self.core.used_in(interaction.user, place.guild_id)
        said = await self.core.readable("/task " + text, place, self.member_lookup(place))
        if roles:
            said = await self.core.readable_roles(said, place, roles)
        answer = await self.core.run_text(said, speaker_of(person, place))
        reply = answer.reply
        if answer.ok and words(said)[0] == "help":
            with speaking_to(person.lang):
                reply = replace(reply, text=reply.text + "\n\n" + _(DISCORD_HELP))
        sent = await self.follow_up(interaction, replace(answer, reply=reply), place.guild_id, deferred_public=public)
        if sent.flags.ephemeral:  # a card the channel sees is not edited for one reader's sake
            await self.core.remember_card(speaker_of(person, place), reply, reply_card(interaction, str(sent.id)))
        if answer.ok and words(said)[0] == "add":
            await self._ask_zone(interaction, person)

    async def set_zone(self, interaction: Interaction, zone: str) -> None:
        await self.run_slash(interaction, f"settings tz {zone}")
        await self.core.zone_told(await self.core.person(interaction.user, self.place_of(interaction)))

    async def intake(self, interaction: Interaction, role: discord.Role, how: str) -> None:
        """`/task settings intake`: the role is stored as a group first, so it needs no earlier mention."""
        await self.run_slash(interaction, f"settings intake <@&{role.id}> {how}".strip(), roles=(role,))

    async def remind(self, interaction: Interaction, what: str, channel: discord.TextChannel | None) -> None:
        """`/task remind`: the channel (or this one) is recorded with whether the person may view it first."""
        here = interaction.channel_id
        named = channel.id if channel is not None else None
        first = what.strip().split(" ", 1)[0].lower()
        if first == "list":
            text = f"remind list <#{named}>" if named else "remind list"
        elif first == "cancel" or named is None:
            text = f"remind {what}"
        else:
            text = f"remind <#{named}> {what}"
        await self.run_slash(interaction, text, channels=[c for c in (here, named) if c is not None])

    async def suggest_tasks(self, interaction: Interaction, text: str) -> list[Card]:
        place = await self._place_or_none(interaction)
        if place is None:
            return []
        speaker = await self.core.speaker(interaction.user, place)
        answer = await self.core.run(SuggestTasks(text), speaker)
        return list(answer.reply.cards) if answer.ok else []

    async def suggest_people(self, interaction: Interaction, text: str) -> list[Card]:
        place = await self._place_or_none(interaction)
        if place is None:
            return []
        speaker = await self.core.speaker(interaction.user, place)
        answer = await self.core.run(SuggestPeople(text), speaker)
        return list(answer.reply.cards) if answer.ok else []

    # mentions
    async def on_message(self, message: discord.Message) -> None:
        if message.guild is None and not message.author.bot:
            await self.direct(message)
            return
        if message.author.bot or message.guild is None or self.user is None or self.user not in message.mentions:
            return
        begin_request("discord", str(message.guild.id))
        if not await self.core.in_thread(self.core.bus.first_time, f"discord:message:{message.id}"):
            return  # another Tandem process on the same database answered this mention
        try:
            await self.draft_from(message)
        except Exception as error:
            await message.reply(unexpected(error), mention_author=False)

    async def draft_from(self, message: discord.Message) -> None:
        """A request said to the bot, shown back as a draft card (Create / Edit / Cancel) where it was said."""
        assert message.guild is not None and self.user is not None
        place = Place(str(message.guild.id), message.guild.name, str(message.channel.id), str(message.id),
                      message.jump_url, guild_locale=locale_name(message.guild.preferred_locale))
        speaker = await self.core.speaker(message.author, place)
        said = await self.core.readable(message.content, place, self.member_lookup(place, message.mentions),
                                        str(self.user.id))
        said = await self.core.readable_roles(said, place, message.role_mentions)
        reply = (await self.core.run(DraftRequest(said), speaker)).reply
        await message.reply(mention_author=False, **shown(reply, quote=said).kwargs(place.guild_id))

    async def direct(self, message: discord.Message) -> None:
        """A DM to the bot: plain words read with the person's context, or a /task line, in their server."""
        if not await self.core.in_thread(self.core.bus.first_time, f"discord:message:{message.id}"):
            return
        try:
            await answer_dm(self, message)
        except Exception as error:
            await message.channel.send(unexpected(error))

    # reactions
    async def on_raw_reaction_add(self, event: discord.RawReactionActionEvent) -> None:
        """A ✅ by a task's owner on its card marks it done (answered in a DM, with Undo); others say nothing."""
        if event.emoji.name not in DONE_EMOJI or (self.user is not None and event.user_id == self.user.id):
            return
        # Reactions carry no id: the same one delivered twice (two processes on one shard) is one within a minute,
        # while a tick added again later (after Undo) counts again.
        minute = int(time.time() // 60)
        key = f"discord:reaction:{event.message_id}:{event.user_id}:{event.emoji.name}:{minute}"
        if not await self.core.in_thread(self.core.bus.first_time, key):
            return
        try:
            await react_done(self, event)
        except Exception as error:
            log.warning("a reaction could not be read: %s", unexpected(error))

    # the message menu
    async def make_it_a_task(self, interaction: Interaction, message: discord.Message) -> None:
        place = self.place_of(interaction)
        author = await self.core.person(message.author, place) if not message.author.bot else None
        reader = await self.core.person(interaction.user, place)
        with speaking_to(reader.lang):
            form = message_form(place.guild_id, message, author.handle if author else "")
        await interaction.response.send_modal(form)

    async def task_from(self, interaction: Interaction, place: Place, values: dict[str, str]) -> None:
        await interaction.response.defer(thinking=True)
        speaker = await self.core.speaker(interaction.user, place)
        text = task_text(values.get("task", ""), values.get("who", ""), values.get("due", ""))
        answer = await self.core.run_text("/task add " + text, speaker)
        await self.follow_up(interaction, answer, place.guild_id, deferred_public=True)

    async def follow_up(self, interaction: Interaction, answer: Answer, guild_id: str,
                        deferred_public: bool) -> discord.WebhookMessage:
        """Answer a deferred interaction. A public deferral whose answer is an error or private is replaced by a
        message only the speaker sees, so nothing is left in the channel."""
        reply = answer.reply
        extra = attached(reply.attachment)
        if deferred_public and (reply.ephemeral or not answer.ok):
            await interaction.delete_original_response()
            return await interaction.followup.send(ephemeral=True, wait=True, **shown(reply).kwargs(guild_id), **extra)
        return await interaction.followup.send(ephemeral=not deferred_public, wait=True,
                                               **shown(reply).kwargs(guild_id), **extra)

    # buttons and their forms
    async def on_task_button(self, interaction: Interaction, guild_id: str, command: str, version: str = "") -> None:
        begin_request("discord", guild_id)
        if not needs_modal(command):
            await self.guarded(interaction, self.settle(interaction, guild_id, command, version))
            return
        reader = await self.core.person(interaction.user, self.place_of(interaction, guild_id=guild_id))
        with speaking_to(reader.lang):
            form = blanks_form(guild_id, command, quote_of(interaction.message), version)
            instead = _("Use the command instead: {command}", command=command)
        if form is None:
            await interaction.response.send_message(escape(instead), ephemeral=True)
            return

        await interaction.response.send_modal(form)

    async def on_interaction(self, interaction: Interaction) -> None:
        """Form submissions, read from their custom_id, so a form opened before a restart still works."""
        if interaction.type is not discord.InteractionType.modal_submit or not interaction.data:
            return
        begin_request("discord", str(interaction.guild_id or ""))
        custom_id = str(interaction.data.get("custom_id") or "")
        values = submitted_values(interaction.data)
        if found := BLANKS_FORM.fullmatch(custom_id):
            command = filled("/task " + found["command"], values)
            await self.guarded(interaction, self.settle(interaction, found["guild"], command, found["version"] or ""))
        elif found := MESSAGE_FORM.fullmatch(custom_id):
            guild, channel, message = found["guild"], found["channel"], found["message"]
            link = f"https://discord.com/channels/{guild}/{channel}/{message}"
            place = Place(guild, self._guild_name(guild), channel, message, link, locale_name(interaction.locale))
            await self.guarded(interaction, self.task_from(interaction, place, values))

    async def settle(self, interaction: Interaction, guild_id: str, command: str, version: str = "") -> None:
        """Run a button's command; the clicked message then shows who did what and the new state
        (or, when the task changed since the card was sent, the task as it is now)."""
        await interaction.response.defer()
        place = self.place_of(interaction, guild_id=guild_id)
        person = await self.core.person(interaction.user, place)
        answer = await self.core.run_text(command, await self.core.speaker(interaction.user, place), version)
        if not answer.ok:
            await interaction.followup.send(ephemeral=True, **shown(answer.reply).kwargs(guild_id))
            return
        if answer.reply.verb == STALE or words(command)[0] == "list":  # the task as it is now; the next page
            await interaction.edit_original_response(**shown(answer.reply).kwargs(guild_id, edit=True))
            if interaction.message is not None and interaction.message.flags.ephemeral:  # others are edited by id
                await self.core.remember_card(await self.core.speaker(interaction.user, place), answer.reply,
                                              reply_card(interaction, ORIGINAL))
            return
        note = done_by(answer.reply.verb or words(command)[0], person.handle, person.lang)
        await interaction.edit_original_response(
            **settled(interaction.message, note, answer.reply).kwargs(guild_id, edit=True))
        if words(command)[0] == "confirm":  # a request said to the bot became a task: its author clicked Create
            await self._remember_card(interaction, place, answer.reply)
            await self._ask_zone(interaction, person)

    async def _remember_card(self, interaction: Interaction, place: Place, reply: Reply) -> None:
        """The clicked card, now the new task's card where it was asked: edited in place as the task is answered."""
        if reply.card is None or not reply.card.ref or interaction.message is None or not interaction.guild_id:
            return
        remember = RememberCard(parse_ref(reply.card.ref), PLATFORM, str(interaction.message.channel.id),
                                str(interaction.message.id))
        await self.core.run(remember, await self.core.speaker(interaction.user, place))

    # where and who
    async def _place_or_none(self, interaction: Interaction) -> Place | None:
        """The server of an interaction; in a DM, the one the person's DMs act in (None when not chosen yet)."""
        place = self.place_of(interaction)
        if place.guild_id:
            return place
        found = await dm_place(self.core, interaction.user, self)
        return None if isinstance(found, Choice) else found

    def place_of(self, interaction: Interaction, guild_id: str | None = None) -> Place:
        """The server (for a click in a DM: the one the button names) and, in a server, the channel."""
        gid = guild_id or str(interaction.guild_id or "")
        channel = str(interaction.channel_id) if interaction.channel_id and interaction.guild_id else None
        guild = self.get_guild(int(gid)) if gid else None
        return Place(gid, guild.name if guild else "", channel, locale=locale_name(interaction.locale),
                     guild_locale=locale_name(guild.preferred_locale) if guild else None)

    def _guild_name(self, guild_id: str) -> str:
        guild = self.get_guild(int(guild_id)) if guild_id else None
        return guild.name if guild else ""

    def member_lookup(self, place: Place, given: Sequence[discord.abc.User] = ()) -> Any:
        """Who a <@id> in text is: someone the event already carries (a message's mentions), else asked of Discord."""
        carried = {str(user.id): user for user in given}

        async def lookup(user_id: str) -> discord.abc.User | None:
            if user_id in carried:
                return carried[user_id]
            guild = self.get_guild(int(place.guild_id)) if place.guild_id else None
            try:
                found = guild.get_member(int(user_id)) if guild else None
                if found is not None:
                    return found
                if guild is not None:
                    return await guild.fetch_member(int(user_id))
                return await self.fetch_user(int(user_id))
            except discord.HTTPException:
                return None
        return lookup

    async def _ask_zone(self, interaction: Interaction, person: Any) -> None:
        """Once per person, after their first task: the zone Tandem reads their dates in, told to them alone."""
        question = await self.core.zone_question(person)
        if question is not None:
            await interaction.followup.send(escape(question), ephemeral=True)

    async def guarded(self, interaction: Interaction, work: Coroutine[Any, Any, None]) -> None:
        """Run a button's or modal's work; an unexpected error reaches the person as a reference id, not silence."""
        try:
            await work
        except Exception as error:
            await self._failed(interaction, error)

    async def _command_failed(self, interaction: Interaction, error: app_commands.AppCommandError) -> None:
        await self._failed(interaction, error)

    async def _failed(self, interaction: Interaction, error: BaseException) -> None:
        if isinstance(error, app_commands.CommandInvokeError):
            error = error.original
        if isinstance(error, discord.HTTPException) and error.code == ALREADY_ANSWERED:
            log.debug("interaction %s was answered by another Tandem process", interaction.id)
            return
        text = unexpected(error)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True)
            else:
                await interaction.response.send_message(text, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not tell %s: %s", interaction.user.id, text)


def attached(attachment: Attachment | None) -> dict[str, Any]:
    """The keyword arguments that send a reply's file (a person's data export) with it."""
    if attachment is None:
        return {}
    return {"files": [discord.File(io.BytesIO(attachment.content.encode()), filename=attachment.filename)]}


def settled(message: discord.Message | None, note: str, reply: Reply) -> Shown:
    """The clicked message after the click: who did what, the reply, and the new card and buttons if any."""
    after = shown(reply)
    kept = list(message.embeds) if message is not None else []
    text = "\n".join(t for t in (note, after.content) if t)
    return Shown(text, after.embeds or kept, after.actions)


def locale_name(locale: discord.Locale | str | None) -> str | None:
    """A Discord locale ("de", "es-ES", "en-US") as text, None when Discord gave none."""
    if locale is None:
        return None
    return str(getattr(locale, "value", locale)) or None
