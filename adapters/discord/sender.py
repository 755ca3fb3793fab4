"""Delivers outbox entries to Discord: a DM with buttons, or a mention in the task's channel when DMs are closed."""
from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import io
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import aiohttp
import discord

from adapters.common.chart import FILENAME, chart_of, render_burn_up
from adapters.discord.render import notice_shown
from core.delivery import DeliveryFailed, Posted
from core.outbox import OutboxEntry
from core.people import Person, Workspace

T = TypeVar("T")
DMS_CLOSED = 50007  # "Cannot send messages to this user"
MISSING_PERMISSIONS = 50013  # e.g. no Attach Files in the channel
NOT_CONNECTED_RETRY = 5.0


class DiscordLink:
    """The running bot client and its event loop, for code in other threads (the deliverer)."""

    def __init__(self) -> None:
        self.client: discord.Client | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.failure: str | None = None  # why the bot stopped, when it could not run

    def attach(self, client: discord.Client, loop: asyncio.AbstractEventLoop) -> None:
        self.client, self.loop = client, loop

    def detach(self) -> None:
        self.client, self.loop = None, None

    def call(self, make: Callable[[discord.Client], Coroutine[Any, Any, T]], timeout: float) -> T:
        """Run `make(client)` on the bot's loop and wait for it; discord.py paces and retries rate-limited calls."""
        client, loop = self.client, self.loop
        if client is None or loop is None or loop.is_closed() or client.is_closed():
            raise DeliveryFailed("the Discord bot is not connected yet", retry_after=NOT_CONNECTED_RETRY)
        future = asyncio.run_coroutine_threadsafe(make(client), loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError as error:
            future.cancel()  # a send that timed out must not go out later, behind the deliverer's back
            raise DeliveryFailed(f"Discord did not answer within {timeout:.0f} s") from error


@dataclass(frozen=True)
class Fallback:
    """Where to reach someone whose DMs are closed: the task's channel, told only that something waits for them."""

    channel: str


class DMsClosed(Exception):
    """The person does not accept DMs from the bot (Discord error 50007)."""


class DiscordSender:
    """The Discord side of delivery. `fallback_channel` names the task's channel for people whose DMs are closed."""

    platform = "discord"

    def __init__(self, link: DiscordLink, fallback_channel: Callable[[OutboxEntry], Fallback | None],
                 timeout: float = 60.0) -> None:
        self.link, self.fallback_channel, self.timeout = link, fallback_channel, timeout

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> Posted | None:
        guild = workspace.external_id
        series = chart_of(entry.payload)
        png = render_burn_up(series) if series else None  # drawn here, not on the bot's event loop
        try:
            edit = entry.payload.get("edit")
            if (via := entry.payload.get("edit_via")) and edit:
                self.link.call(lambda c: _edit_reply(c, str(via), str(edit), entry, guild), self.timeout)
                return None
            if edit and entry.conversation:
                self.link.call(lambda c: _edit(c, entry.conversation or "", str(edit), entry, guild), self.timeout)
                return None
            if entry.conversation:
                return self.link.call(lambda c: _post(c, entry.conversation or "", entry, guild, png=png),
                                      self.timeout)
            user_id = _user_of(recipient)
            try:
                return self.link.call(lambda c: _dm(c, user_id, entry, guild, png), self.timeout)
            except DMsClosed:
                fallback = self.fallback_channel(entry)
                if fallback is None:
                    raise DeliveryFailed(f"<@{user_id}> does not accept DMs and the task has no channel",
                                         permanent=True) from None
                note = _closed_dms_note(entry)
                self.link.call(lambda c: _post(c, fallback.channel, note, guild, mention=user_id), self.timeout)
                return None
        except discord.HTTPException as error:
            raise _failure(error) from error
        except (aiohttp.ClientError, OSError, discord.ConnectionClosed) as error:
            raise DeliveryFailed(f"cannot reach Discord: {error}") from error


def _user_of(recipient: Person | None) -> str:
    if recipient is None:
        raise DeliveryFailed("neither a recipient nor a conversation to deliver to", permanent=True)
    user_id = recipient.identities.get("discord")
    if not user_id:
        raise DeliveryFailed(f"{recipient.mention} has no Discord identity", permanent=True)
    return user_id


def message_nonce(entry: OutboxEntry, target: str) -> str:
    """The same 25 characters every time this entry is sent to `target`: with `enforce_nonce` (discord.py sets it
    along with a nonce) Discord answers a resend within its nonce window with the message it already created."""
    digest = hashlib.sha256(f"{entry.id}:{entry.dedupe_key}:{target}".encode()).hexdigest()
    return "t" + digest[:24]


async def _dm(client: discord.Client, user_id: str, entry: OutboxEntry, guild: str, png: bytes | None) -> Posted:
    channel = await client.create_dm(discord.Object(int(user_id)))
    try:
        message = notice_shown(entry.payload).kwargs(guild)
        sent = await _send(channel, message, png, message_nonce(entry, f"dm:{user_id}"))
        return Posted(str(channel.id), str(sent.id))
    except discord.Forbidden as error:
        if error.code == DMS_CLOSED:
            raise DMsClosed(user_id) from error
        raise


async def _edit(client: discord.Client, channel_id: str, message_id: str, entry: OutboxEntry, guild: str) -> None:
    """An earlier card shown again with the task as it is now (and its current buttons)."""
    message = client.get_partial_messageable(int(channel_id)).get_partial_message(int(message_id))
    await message.edit(**notice_shown(entry.payload).kwargs(guild, edit=True))


async def _edit_reply(client: discord.Client, token: str, message_id: str, entry: OutboxEntry, guild: str) -> None:
    """A card shown as the response to an interaction, edited with the interaction's token (while it lives:
    15 minutes; after that Discord answers 404 Unknown Webhook, which is not retried)."""
    if client.application_id is None:
        raise DeliveryFailed("the Discord bot has not logged in yet", retry_after=NOT_CONNECTED_RETRY)
    webhook = discord.Webhook.partial(client.application_id, token, client=client)
    target: Any = message_id if message_id == "@original" else int(message_id)
    await webhook.edit_message(target, **notice_shown(entry.payload).kwargs(guild, edit=True))


async def _post(client: discord.Client, channel_id: str, entry: OutboxEntry, guild: str,
                mention: str | None = None, png: bytes | None = None) -> Posted:
    message = notice_shown(entry.payload).kwargs(guild)
    if entry.payload.get("thread"):  # a follow-through line answers the message the task was asked in
        message["reference"] = discord.MessageReference(message_id=int(entry.payload["thread"]),
                                                        channel_id=int(channel_id), fail_if_not_exists=False)
    if mention:
        message["content"] = f"<@{mention}> {message['content'] or ''}".strip()[:2000]
        message["allowed_mentions"] = discord.AllowedMentions(users=[discord.Object(int(mention))], everyone=False,
                                                              roles=False)
    sent = await _send(client.get_partial_messageable(int(channel_id)), message, png, message_nonce(entry, channel_id))
    return Posted(channel_id, str(sent.id))


async def _send(channel: discord.abc.Messageable, message: dict[str, Any], png: bytes | None,
                nonce: str) -> discord.Message:
    """Send with the chart attached; when Discord refuses the file, the text alone (the fallback). The nonce
    (with `enforce_nonce`, which discord.py sets) makes a resend within Discord's window return the first message."""
    if png is None:
        return await channel.send(**message, nonce=nonce)
    try:
        return await channel.send(**message, file=discord.File(io.BytesIO(png), filename=FILENAME), nonce=nonce)
    except discord.Forbidden as error:
        if error.code != MISSING_PERMISSIONS:
            raise
        return await channel.send(**message, nonce=nonce)


def _closed_dms_note(entry: OutboxEntry) -> OutboxEntry:
    """What a channel may be told in place of a DM: that something waits and where to see it, never the task
    (others in the channel may not be allowed to see it) nor its buttons."""
    note = ("something is waiting for you in Tandem, but your DMs are closed. See it with /task inbox, "
            "or allow direct messages from this server's members (Privacy Settings).")
    return replace(entry, payload={"text": note, "card": None, "actions": []})


def _failure(error: discord.HTTPException) -> DeliveryFailed:
    """Rate limits discord.py could not absorb and server errors are retried; other refusals are permanent."""
    status = error.status
    if status == 429:
        return DeliveryFailed("rate limited by Discord (HTTP 429)", retry_after=NOT_CONNECTED_RETRY,
                              rate_limited=True)
    if status >= 500 or status in (408, 425):
        return DeliveryFailed(f"Discord answered HTTP {status}: {error.text}")
    return DeliveryFailed(f"Discord refused (HTTP {status}, code {error.code}): {error.text}", permanent=True)
