"""Who is speaking on Discord: a user or server member read into an Identity (servers are workspaces)."""
from __future__ import annotations

from dataclasses import dataclass

import discord

from core.identity import Identity
from core.people import Role

PLATFORM = "discord"


@dataclass(frozen=True)
class ServerRules:
    """How a server's members map onto Tandem: the guest role (a name or an id) and the zone newcomers start in."""

    guest_role: str | None = None
    default_timezone: str | None = None


def identity_of(user: discord.abc.User, guild_id: str, guild_name: str, rules: ServerRules,
                locale: str | None = None, guild_locale: str | None = None) -> Identity:
    """A member (with roles: guest, admin or member) or a bare user (in DMs: the stored role is kept); `locale`
    is the one an interaction carries (the person's Discord language), `guild_locale` the server's preferred one."""
    role = role_of(user, rules.guest_role) if isinstance(user, discord.Member) else None
    return Identity(PLATFORM, guild_id, guild_name or guild_id, str(user.id), user.display_name, tz=None, role=role,
                    handle=user.name, workspace_tz=rules.default_timezone, locale=locale, place_locale=guild_locale)


def role_of(member: discord.Member, guest_role: str | None) -> Role:
    if guest_role and any(guest_role.lower() in (r.name.lower(), str(r.id)) for r in member.roles):
        return Role.GUEST
    permissions = member.guild_permissions
    if permissions.administrator or permissions.manage_guild:
        return Role.ADMIN
    return Role.MEMBER
