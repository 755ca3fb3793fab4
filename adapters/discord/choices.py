"""Autocomplete for slash command options: tasks the person can see, and IANA time zones."""
from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any, Protocol

import discord
from discord import app_commands

from core.outcome import Card

MAX_CHOICES = 25


class Suggester(Protocol):
    async def suggest_tasks(self, interaction: discord.Interaction[Any], text: str) -> list[Card]: ...

    async def suggest_people(self, interaction: discord.Interaction[Any], text: str) -> list[Card]: ...


class TaskRef(app_commands.Transformer):
    """A task reference (T-12), offered from the tasks the person may see, matched on reference or title."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any, /) -> str:
        return str(value).strip()

    async def autocomplete(self, interaction: discord.Interaction[Any], value: int | float | str, /,
                           ) -> list[app_commands.Choice[int | float | str]]:
        suggester: Suggester = interaction.client
        cards = await suggester.suggest_tasks(interaction, str(value))
        choices: list[app_commands.Choice[int | float | str]] = [
            app_commands.Choice(name=f"{c.ref} · {c.heading}"[:100], value=c.ref or "") for c in cards if c.ref]
        return choices[:MAX_CHOICES]


class People(app_commands.Transformer):
    """Several people as "@ana @bo": the word being typed is completed from the server's people."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any, /) -> str:
        return " ".join(str(value).split())

    async def autocomplete(self, interaction: discord.Interaction[Any], value: int | float | str, /,
                           ) -> list[app_commands.Choice[int | float | str]]:
        typed = str(value).split()
        done, partial = (typed[:-1], typed[-1]) if typed and not str(value).endswith(" ") else (typed, "")
        suggester: Suggester = interaction.client
        cards = await suggester.suggest_people(interaction, partial) if partial else []
        choices: list[app_commands.Choice[int | float | str]] = []
        for card in cards:
            line = " ".join([*done, f"@{card.ref}"])
            choices.append(app_commands.Choice(name=f"{line} ({card.heading})"[:100], value=line[:100]))
        return choices[:MAX_CHOICES]


class Zone(app_commands.Transformer):
    """An IANA time zone name, offered as you type ("berl" -> Europe/Berlin)."""

    async def transform(self, interaction: discord.Interaction[Any], value: Any, /) -> str:
        return str(value).strip()

    async def autocomplete(self, interaction: discord.Interaction[Any], value: int | float | str, /,
                           ) -> list[app_commands.Choice[int | float | str]]:
        choices: list[app_commands.Choice[int | float | str]] = [
            app_commands.Choice(name=zone, value=zone) for zone in zones_matching(str(value))]
        return choices


def zones_matching(typed: str) -> list[str]:
    """Zones whose name starts with, then contains, what was typed (spaces read as underscores)."""
    key = typed.strip().lower().replace(" ", "_")
    if not key:
        return list(POPULAR)
    starts = [z for z in all_zones() if z.lower().startswith(key) or z.lower().split("/")[-1].startswith(key)]
    contains = [z for z in all_zones() if key in z.lower() and z not in starts]
    return (starts + contains)[:MAX_CHOICES]


@cache
def all_zones() -> tuple[str, ...]:
    names = zoneinfo.available_timezones()
    return tuple(sorted(z for z in names if "/" in z and not z.startswith(("Etc/", "SystemV/"))))


POPULAR = ("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "America/New_York",
           "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "Asia/Kolkata",
           "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney")
