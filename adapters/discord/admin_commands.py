"""/task-admin: the `/task admin …` commands as their own Discord command group (no /task slot was left), shown by
default only to members who may Manage Server; server admins can grant it to others under Integrations."""
from __future__ import annotations

from typing import Any, Literal

import discord
from discord import app_commands

from adapters.discord.commands import SlashRunner
from core.i18n import N_

Interaction = discord.Interaction[Any]


def _run(interaction: Interaction, *words: str | None) -> Any:
    runner: SlashRunner = interaction.client
    return runner.run_slash(interaction, "admin " + " ".join(w.strip() for w in words if w and w.strip()))


def _mention(user: discord.abc.Snowflake) -> str:
    """<@id>: read back into the person like any mention (a user option may arrive resolved or as a bare id)."""
    return f"<@{user.id}>"


class AdminCommands(app_commands.Group, name="task-admin", guild_only=True,
                    description=N_("For workspace admins: defaults, admins, people who left, personal data, audit"),
                    default_permissions=discord.Permissions(manage_guild=True)):
    """/task-admin <verb> ...: each subcommand becomes the `/task admin …` line every platform shares."""

    @app_commands.command(description=N_("show or change the defaults newcomers start with"))
    @app_commands.describe(setting=N_("what to change (show: see them all)"),
                           value=N_("e.g. Europe/Berlin, mon-fri, 09:00-17:30, 08:30, DE-BY, de"))
    async def settings(self, interaction: Interaction,
                       setting: Literal["show", "tz", "days", "hours", "digest", "holidays", "lang"] = "show",
                       value: str | None = None) -> None:
        await _run(interaction, "settings", None if setting == "show" else setting, value)

    @app_commands.command(description=N_("make someone a Tandem admin (kept when their server roles change)"))
    async def promote(self, interaction: Interaction, person: discord.User) -> None:
        await _run(interaction, "promote", _mention(person))

    @app_commands.command(description=N_("take back someone's Tandem admin rights"))
    async def demote(self, interaction: Interaction, person: discord.User) -> None:
        await _run(interaction, "demote", _mention(person))

    @app_commands.command(description=N_("someone left: their open work goes to `to`, or back to whoever asked"))
    @app_commands.describe(to=N_("who takes over their open work (empty: back to the requesters)"),
                           undo=N_("reactivate them instead"))
    async def deactivate(self, interaction: Interaction, person: discord.User, to: discord.User | None = None,
                         undo: bool = False) -> None:
        if undo:
            await _run(interaction, "reactivate", _mention(person))
            return
        await _run(interaction, "deactivate", _mention(person), f"to {_mention(to)}" if to else None)

    @app_commands.command(description=N_("everything Tandem stores about someone, as a JSON lines file"))
    async def export(self, interaction: Interaction, person: discord.User) -> None:
        await _run(interaction, "export", _mention(person))

    @app_commands.command(description=N_("erase someone's personal data (asks first; their tasks stay, anonymised)"))
    async def forget(self, interaction: Interaction, person: discord.User) -> None:
        await _run(interaction, "forget", _mention(person))

    @app_commands.command(description=N_("the admin audit log, newest first"))
    async def audit(self, interaction: Interaction, page: app_commands.Range[int, 1, 10_000] = 1) -> None:
        await _run(interaction, "audit", str(page))
