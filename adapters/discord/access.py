"""Which kind of conversation a Discord channel or thread is, and who may view it: computed with discord.py's
permissions_for from the roles and permission overwrites the bot sees (no privileged intent needed)."""
from __future__ import annotations

from typing import Any

import discord

from adapters.discord.people import PLATFORM
from core.conversations import ConversationFacts, ConversationKind

Where = Any  # a guild channel, a thread or a private channel, as discord.py gives it


def kind_of(channel: Where) -> ConversationKind:
    """DMs and group DMs by type; a private thread is private; other threads follow their channel; a channel is
    public when @everyone may view it."""
    if isinstance(channel, discord.DMChannel):
        return ConversationKind.DM
    if isinstance(channel, discord.GroupChannel):
        return ConversationKind.GROUP
    if isinstance(channel, discord.Thread):
        if channel.type is discord.ChannelType.private_thread:
            return ConversationKind.THREAD
        return kind_of(channel.parent) if channel.parent is not None else ConversationKind.PRIVATE
    if channel.permissions_for(channel.guild.default_role).view_channel:
        return ConversationKind.PUBLIC
    return ConversationKind.PRIVATE


def can_view(channel: Where, member: discord.Member) -> bool:
    """Whether `member` may view `channel`: a private thread's members (or those who manage threads); otherwise
    VIEW_CHANNEL from @everyone, their roles and the overwrites (of a thread's channel)."""
    if isinstance(channel, discord.Thread):
        if channel.type is discord.ChannelType.private_thread and any(m.id == member.id for m in channel.members):
            return True
        parent = channel.parent
        if parent is None:
            return False
        allowed = parent.permissions_for(member)
        if channel.type is discord.ChannelType.private_thread:
            return bool(allowed.view_channel and allowed.manage_threads)
        return bool(allowed.view_channel)
    return bool(channel.permissions_for(member).view_channel)


def facts(channel: Where, guild: discord.Guild) -> ConversationFacts:
    """The channel's kind. Its members are not listed (that needs the privileged members intent): each person's
    access is recomputed whenever they act."""
    return ConversationFacts(PLATFORM, str(guild.id), guild.name, str(channel.id), kind_of(channel))
