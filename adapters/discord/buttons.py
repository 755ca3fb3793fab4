"""Persistent buttons: the custom_id carries the server and the command, so a card from last week still works."""
from __future__ import annotations

import re
from typing import Any, Protocol, Self

import discord

PREFIX = "tandem"
TEMPLATE = re.compile(rf"{PREFIX}:(?P<guild>\d+)(?:@(?P<version>[0-9a-f]+))?:(?P<command>[^\n]+)")
MAX_CUSTOM_ID = 100


class ClickHandler(Protocol):
    async def on_task_button(self, interaction: discord.Interaction[Any], guild_id: str, command: str,
                             version: str = "") -> None: ...


class TaskButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """A button standing for a `/task ...` command in a server; the running client decides what a click does."""

    def __init__(self, guild_id: str, command: str, label: str = "Go",
                 style: discord.ButtonStyle = discord.ButtonStyle.secondary, version: str = "") -> None:
        super().__init__(discord.ui.Button(label=label, style=style, custom_id=custom_id(guild_id, command, version)))
        self.guild_id, self.command, self.version = guild_id, command, version

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> Self:
        label = getattr(item, "label", None) or "Go"
        style = getattr(item, "style", discord.ButtonStyle.secondary)
        return cls(match["guild"], "/task " + match["command"], label, style, match["version"] or "")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        handler: ClickHandler = interaction.client
        await handler.on_task_button(interaction, self.guild_id, self.command, self.version)

    @staticmethod
    def fits(guild_id: str, command: str, version: str = "") -> bool:
        return len(custom_id(guild_id, command, version)) <= MAX_CUSTOM_ID and "\n" not in command


def custom_id(guild_id: str, command: str, version: str = "") -> str:
    """"/task accept T-3" in server 42 -> "tandem:42:accept T-3"; with the task's version "tandem:42@1a2b3c4d:…"."""
    where = f"{guild_id}@{version}" if version else guild_id
    return f"{PREFIX}:{where}:{command.strip().removeprefix('/task').strip()}"
