"""Builders for Discord's wire objects (users, roles, channels, members, guilds, messages) as discord.py parses them."""
from __future__ import annotations

from typing import Any

from tests.fakediscord.ids import now_iso

Json = dict[str, Any]

ALL_PERMISSIONS = str((1 << 51) - 1)
EVERYONE_PERMISSIONS = "559623605571137"  # view, send, read history, use application commands, ...
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


def user(user_id: str, username: str, global_name: str | None = None, bot: bool = False) -> Json:
    return {
        "id": user_id, "username": username, "global_name": global_name, "discriminator": "0",
        "avatar": None, "bot": bot, "system": False, "public_flags": 0, "flags": 0, "banner": None,
        "accent_color": None, "avatar_decoration_data": None, "primary_guild": None, "collectibles": None,
    }


def role(role_id: str, name: str, position: int, permissions: str) -> Json:
    return {
        "id": role_id, "name": name, "color": 0, "colors": {"primary_color": 0, "secondary_color": None,
                                                           "tertiary_color": None},
        "hoist": False, "icon": None, "unicode_emoji": None, "position": position, "permissions": permissions,
        "managed": False, "mentionable": False, "flags": 0, "tags": {},
    }


def guild_channel(channel_id: str, guild_id: str, name: str, kind: int, parent_id: str | None,
                  owner_id: str, position: int) -> Json:
    channel: Json = {
        "id": channel_id, "guild_id": guild_id, "name": name, "type": kind, "position": position,
        "permission_overwrites": [], "nsfw": False, "topic": None, "last_message_id": None,
        "rate_limit_per_user": 0, "parent_id": parent_id, "flags": 0,
    }
    if kind in (10, 11, 12):
        channel.update({
            "owner_id": owner_id, "message_count": 0, "member_count": 1, "total_message_sent": 0,
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": now_iso(),
                                "locked": False, "invitable": True, "create_timestamp": now_iso()},
        })
    return channel


def dm_channel(channel_id: str, recipient: Json) -> Json:
    return {"id": channel_id, "type": 1, "last_message_id": None, "flags": 0, "recipients": [recipient]}


def member(user_payload: Json, roles: list[str], joined_at: str, permissions: str | None = None) -> Json:
    data: Json = {
        "user": user_payload, "roles": roles, "joined_at": joined_at, "nick": None, "avatar": None, "banner": None,
        "premium_since": None, "deaf": False, "mute": False, "pending": False, "flags": 0,
        "communication_disabled_until": None,
    }
    if permissions is not None:
        data["permissions"] = permissions
    return data


def guild(guild_id: str, name: str, owner_id: str, roles: list[Json], channels: list[Json], threads: list[Json],
          members: list[Json], joined_at: str) -> Json:
    return {
        "id": guild_id, "name": name, "icon": None, "splash": None, "discovery_splash": None, "banner": None,
        "description": None, "owner_id": owner_id, "region": None, "afk_channel_id": None, "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": roles, "emojis": [], "stickers": [], "features": [], "mfa_level": 0, "application_id": None,
        "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None, "vanity_url_code": None,
        "premium_tier": 0, "premium_subscription_count": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": None, "max_video_channel_users": 25, "max_stage_video_channel_users": 50,
        "nsfw_level": 0, "premium_progress_bar_enabled": False, "safety_alerts_channel_id": None,
        "joined_at": joined_at, "large": False, "unavailable": False, "member_count": len(members),
        "voice_states": [], "members": members, "channels": channels, "threads": threads, "presences": [],
        "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [], "lazy": True,
        "incidents_data": None,
    }


def message(message_id: str, channel_id: str, author: Json, body: Json, kind: int = 0) -> Json:
    """A full message object from a create-message body (content, embeds, components, message_reference, ...)."""
    return {
        "id": message_id, "channel_id": channel_id, "type": kind, "author": author,
        "content": body.get("content") or "", "timestamp": now_iso(), "edited_timestamp": None,
        "tts": bool(body.get("tts", False)), "mention_everyone": False, "mentions": [], "mention_roles": [],
        "mention_channels": [], "attachments": list(body.get("attachments") or []),
        "embeds": list(body.get("embeds") or []), "components": list(body.get("components") or []),
        "reactions": [], "pinned": False, "flags": int(body.get("flags") or 0), "nonce": body.get("nonce"),
        "sticker_items": [], "position": 0,
        **({"message_reference": reference(channel_id, body["message_reference"])}
           if body.get("message_reference") else {}),
    }


def reference(channel_id: str, given: Json) -> Json:
    """A message_reference as Discord returns it: snowflakes as strings, whatever type the client sent."""
    ids = ("channel_id", "message_id", "guild_id")
    return {"type": 0, "channel_id": channel_id, **{k: str(v) if k in ids and v is not None else v
                                                    for k, v in given.items()}}


def apply_edit(stored: Json, body: Json) -> None:
    """Apply an edit body (PATCH, UPDATE_MESSAGE) to a stored message in place."""
    if "content" in body:
        stored["content"] = body["content"] or ""
    for key in ("embeds", "components", "attachments"):
        if key in body:
            stored[key] = list(body[key] or [])
    if body.get("flags") is not None:
        stored["flags"] = int(body["flags"])
    stored["edited_timestamp"] = now_iso()
