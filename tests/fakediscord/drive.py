"""Builders for the interactions a person triggers (slash, autocomplete, click, modal submit, message command)."""
from __future__ import annotations

import copy
import secrets
from typing import Any

from tests.fakediscord import payloads
from tests.fakediscord.ids import snowflake
from tests.fakediscord.records import Interaction
from tests.fakediscord.state import DiscordState

Json = dict[str, Any]
ROLE_OPTION = 8
CHANNEL_OPTION = 7


def interaction(state: DiscordState, kind: int, guild_id: str | None, channel_id: str, user_id: str,
                data: Json, message: Json | None = None) -> Interaction:
    """Build and register an interaction record (under state.cond) shaped like Discord's INTERACTION_CREATE."""
    if user_id not in state.users:
        raise KeyError(f"unknown user {user_id}: seed it with add_member or add_user")
    interaction_id = snowflake()
    token = "aW50ZXJhY3Rpb246" + interaction_id + ":" + secrets.token_urlsafe(48)
    channel = copy.deepcopy(state.channels[channel_id])
    payload: Json = {
        "id": interaction_id, "application_id": state.application_id, "type": kind, "data": data, "token": token,
        "version": 1, "locale": state.locales.get(user_id, "en-US"), "entitlements": [], "entitlement_sku_ids": [],
        "app_permissions": payloads.ALL_PERMISSIONS, "attachment_size_limit": payloads.ATTACHMENT_SIZE_LIMIT,
        "channel_id": channel_id, "channel": channel,
    }
    if guild_id is not None:
        member = state.member(guild_id, user_id, with_permissions=True)
        if member is None:
            raise KeyError(f"user {user_id} is not a member of guild {guild_id}")
        channel["permissions"] = member["permissions"]
        payload.update(guild_id=guild_id, guild_locale="en-US", member=member, context=0,
                       authorizing_integration_owners={"0": guild_id},
                       guild={"id": guild_id, "locale": "en-US", "features": []})
    else:
        payload.update(user=copy.deepcopy(state.users[user_id]), context=1,
                       authorizing_integration_owners={"0": "0", "1": user_id})
    if message is not None:
        payload["message"] = copy.deepcopy(message)
    record = Interaction(interaction_id, token, kind, payload, state.cond)
    state.interactions[interaction_id] = record
    state.interactions_by_token[token] = record
    return record


def refuse_outside_dms(state: DiscordState, name: str) -> None:
    """As Discord: a global command whose contexts leave out BOT_DM (1) can't be run in a DM with the bot."""
    command = state.find_command(None, name, 1)
    contexts = command.get("contexts") if command else None
    if command is not None and ((command.get("dm_permission") is False and contexts is None)
                                or (contexts is not None and 1 not in contexts)):
        raise PermissionError(f"/{name} is not available in DMs (contexts {contexts})")


def command_data(state: DiscordState, guild_id: str | None, name: str, kind: int, options: list[Json]) -> Json:
    """`data` of an application command interaction; carries the registered id (and guild_id for guild commands)."""
    command = state.find_command(guild_id, name, kind)
    data: Json = {"id": command["id"] if command else snowflake(), "name": name, "type": kind}
    if options:
        data["options"] = copy.deepcopy(options)
        resolved: Json = {}
        roles = _picked(options, ROLE_OPTION)
        if roles and guild_id in state.guilds:
            known = state.guilds[guild_id].roles
            resolved["roles"] = {r: copy.deepcopy(known[r]) for r in roles if r in known}
        channels = [c for c in _picked(options, CHANNEL_OPTION) if c in state.channels]
        if channels:
            resolved["channels"] = {c: {**copy.deepcopy(state.channels[c]), "permissions": payloads.ALL_PERMISSIONS}
                                    for c in channels}
        if resolved:
            data["resolved"] = resolved
    if command is not None and command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return data


def _picked(options: list[Json], kind: int) -> list[str]:
    """The ids given as options of `kind` (ROLE, CHANNEL) anywhere in the tree: Discord sends them in `resolved`."""
    found: list[str] = []
    for option in options:
        if option.get("type") == kind:
            found.append(str(option.get("value")))
        found += _picked(option.get("options") or [], kind)
    return found


def mark_focused(options: list[Json], focused: str) -> list[Json]:
    """A copy of an option tree with `"focused": true` on the option named `focused` (searched depth-first)."""
    marked = copy.deepcopy(options)

    def walk(items: list[Json]) -> bool:
        for item in items:
            if item.get("type") in (1, 2) and walk(item.get("options", [])):
                return True
            if item.get("type") not in (1, 2) and item.get("name") == focused:
                item["focused"] = True
                return True
        return False

    if not walk(marked):
        raise KeyError(f"no option named {focused!r} to focus")
    return marked


def fill_modal(modal: Json, values: dict[str, str]) -> list[Json]:
    """Submission components for a modal (action rows or labels holding text inputs), filled by custom_id."""
    filled: list[Json] = []
    for row in modal.get("components", []):
        if row.get("type") == 1:
            inputs = [c for c in row.get("components", []) if c.get("type") == 4]
            filled.append({"type": 1, "components": [_answer(c, values) for c in inputs]})
        elif row.get("type") == 18 and row.get("component", {}).get("type") == 4:
            filled.append({"type": 18, "component": _answer(row["component"], values)})
    return filled


def _answer(text_input: Json, values: dict[str, str]) -> Json:
    value = values.get(text_input["custom_id"], text_input.get("value") or "")
    return {"type": 4, "custom_id": text_input["custom_id"], "value": value}
