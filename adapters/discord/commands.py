"""The /task command group: the same verbs as everywhere, as Discord subcommands with choices and autocomplete."""
from __future__ import annotations

from typing import Any, Literal, Protocol

import discord
from discord import app_commands

from adapters.common.help import COMMANDS
from adapters.discord.choices import People, TaskRef, Zone
from core.i18n import N_

Task = app_commands.Transform[str, TaskRef]
When = app_commands.Transform[str, Zone]
Several = app_commands.Transform[str, People]
Interaction = discord.Interaction[Any]
HELP_TOPICS = [app_commands.Choice(name=verb, value=verb) for verb in list(COMMANDS)[:25]]


class SlashRunner(Protocol):
    async def run_slash(self, interaction: Interaction, text: str, public: bool = False) -> None: ...

    async def set_zone(self, interaction: Interaction, zone: str) -> None: ...
    async def intake(self, interaction: Interaction, role: discord.Role, how: str) -> None: ...
    async def remind(self, interaction: Interaction, what: str, channel: discord.TextChannel | None) -> None: ...


def _run(interaction: Interaction, *words: str | None, public: bool = False) -> Any:
    runner: SlashRunner = interaction.client
    return runner.run_slash(interaction, " ".join(w.strip() for w in words if w and w.strip()), public)


def _about(verb: str) -> Any:
    """The verb's help line as a description: Discord takes 100 characters; the translator finds it by the whole."""
    whole = COMMANDS[verb][1]
    return app_commands.locale_str(whole[:100], source=whole)


@app_commands.allowed_contexts(guilds=True, dms=True, private_channels=False)  # DMs: the bot's own DM only
@app_commands.allowed_installs(guilds=True, users=False)
class TaskCommands(app_commands.Group, name="task", description=N_("Ask, commit and follow through: Tandem tasks")):
    """/task <verb> ...: each subcommand becomes the one `/task` grammar line every platform shares."""

    @app_commands.command(description=_about("add"))
    @app_commands.describe(text=N_("e.g. @alice send the Q3 report by friday !high #finance"),
                           private=N_("only you and them"))
    async def add(self, interaction: Interaction, text: str, private: bool = False) -> None:
        await _run(interaction, "add", text, "--private" if private else None, public=not private)

    @app_commands.command(name="list", description=_about("list"))
    @app_commands.describe(view=N_("my work (the default), a view, or more (the next page)"),
                           text=N_("filters: @person #project +label !high done overdue, due this week; "
                                "or the project name / search text"))
    async def list_(self, interaction: Interaction, view: Literal["my work", "mine", "inbox", "waiting", "here",
                    "overdue", "all", "project", "search", "more"] = "my work", text: str | None = None) -> None:
        await _run(interaction, "list", "" if view == "my work" else view, text)

    @app_commands.command(description=N_("your work, only for you: what needs your answer, your commitments and more"))
    @app_commands.describe(text=N_("filters: @person #project +label !high done overdue, due this week"))
    async def home(self, interaction: Interaction, text: str | None = None) -> None:
        await _run(interaction, "list", text)

    @app_commands.command(description=_about("show"))
    async def show(self, interaction: Interaction, task: Task) -> None:
        await _run(interaction, "show", task)

    @app_commands.command(description=_about("accept"))
    @app_commands.describe(date=N_("your own date, e.g. next wednesday (empty: the date asked)"))
    async def accept(self, interaction: Interaction, task: Task, date: str | None = None) -> None:
        await _run(interaction, "accept", task, date)

    @app_commands.command(description=_about("propose"))
    @app_commands.describe(date=N_("e.g. next monday 3pm"), note=N_("why, or what you need first"))
    async def propose(self, interaction: Interaction, task: Task, date: str, note: str | None = None) -> None:
        await _run(interaction, "propose", task, date, note)

    @app_commands.command(description=_about("decline"))
    async def decline(self, interaction: Interaction, task: Task, reason: str) -> None:
        await _run(interaction, "decline", task, reason)

    @app_commands.command(description=_about("done"))
    @app_commands.describe(note=N_("what was done, for the history and the requester"))
    async def done(self, interaction: Interaction, task: Task, note: str | None = None) -> None:
        await _run(interaction, "done", task, note)

    @app_commands.command(description=_about("reopen"))
    @app_commands.describe(reason=N_("why it needs more work"))
    async def reopen(self, interaction: Interaction, task: Task, reason: str | None = None) -> None:
        await _run(interaction, "reopen", task, reason)

    @app_commands.command(description=N_("mark it in progress, or blocked"))
    async def start(self, interaction: Interaction, task: Task, blocked: bool = False) -> None:
        await _run(interaction, "block" if blocked else "start", task)

    @app_commands.command(description=_about("edit"))
    async def edit(self, interaction: Interaction, task: Task, field: Literal["title", "notes", "priority", "project",
                   "labels", "parent", "effort", "private"], value: str) -> None:
        await _run(interaction, "edit", task, field, value)

    @app_commands.command(description=_about("assign"))
    async def assign(self, interaction: Interaction, task: Task, person: discord.User) -> None:
        await _run(interaction, "assign", task, person.mention)

    @app_commands.command(description=_about("due"))
    @app_commands.describe(date=N_("e.g. tomorrow 3pm"))
    async def due(self, interaction: Interaction, task: Task, date: str) -> None:
        await _run(interaction, "due", task, date)

    @app_commands.command(description=_about("comment"))
    async def comment(self, interaction: Interaction, task: Task, text: str) -> None:
        await _run(interaction, "comment", task, text)

    @app_commands.command(description=_about("watch"))
    async def watch(self, interaction: Interaction, task: Task, stop: bool = False) -> None:
        await _run(interaction, "unwatch" if stop else "watch", task)

    @app_commands.command(description=_about("cancel"))
    async def cancel(self, interaction: Interaction, task: Task, reason: str | None = None) -> None:
        await _run(interaction, "cancel", task, reason)

    @app_commands.command(description=_about("undo"))
    async def undo(self, interaction: Interaction, task: Task) -> None:
        await _run(interaction, "undo", task)

    @app_commands.command(description=_about("snooze"))
    @app_commands.describe(until=N_("e.g. 2h, tomorrow, monday, 2026-04-10 9:00"))
    async def snooze(self, interaction: Interaction, task: Task, until: str) -> None:
        await _run(interaction, "snooze", task, until)

    @app_commands.command(description=_about("repeat"))
    @app_commands.describe(rule=N_("e.g. every monday, on done, on schedule, off"))
    async def repeat(self, interaction: Interaction, task: Task, rule: str) -> None:
        await _run(interaction, "repeat", task, rule)

    @app_commands.command(description=_about("rotate"))
    @app_commands.describe(people=N_("in turn: @ana @bo @cy (type a name for suggestions)"))
    async def rotate(self, interaction: Interaction, task: Task, people: Several) -> None:
        await _run(interaction, "rotate", task, people)

    @app_commands.command(description=_about("project"))
    @app_commands.describe(name=N_("the project; for goal: the project and the goal, e.g. launch grow-revenue"))
    async def project(self, interaction: Interaction,
                      action: Literal["list", "new", "status", "join", "goal"] = "list",
                      name: str | None = None) -> None:
        await _run(interaction, "project", action, name)

    # Discord allows 25 subcommands and groups per command: portfolio and stats live under goal, and the
    # personal switches (away, digest) under settings, so that room is left for the views and requests.
    @app_commands.command(description=_about("goal"))
    @app_commands.describe(name=N_("e.g. grow-revenue by 30 jun owner @alice — why; for stats: @person or #project"))
    async def goal(self, interaction: Interaction,
                   action: Literal["list", "add", "edit", "status", "portfolio", "stats"] = "list",
                   name: str | None = None) -> None:
        if action in ("portfolio", "stats"):
            await _run(interaction, action, name)
            return
        await _run(interaction, "goal", action, name)

    @app_commands.command(description=_about("remind"))
    @app_commands.describe(what=N_("what to post and when, e.g. submit your timesheets every friday at 3pm; "
                                "or: list, cancel R-3"), channel=N_("where to post it (empty: here)"))
    async def remind(self, interaction: Interaction, what: str, channel: discord.TextChannel | None = None) -> None:
        runner: SlashRunner = interaction.client
        await runner.remind(interaction, what, channel)

    @app_commands.command(name="help", description=_about("help"))
    @app_commands.choices(topic=HELP_TOPICS)
    async def help_(self, interaction: Interaction, topic: app_commands.Choice[str] | None = None) -> None:
        await _run(interaction, "help", topic.value if topic else None)

    settings = app_commands.Group(name="settings", description=_about("settings"))

    @settings.command(name="timezone", description=N_("your time zone (Discord doesn't share it)"))
    @app_commands.describe(zone=N_("an IANA zone such as Europe/Berlin; start typing a city"))
    async def timezone(self, interaction: Interaction, zone: When) -> None:
        runner: SlashRunner = interaction.client
        await runner.set_zone(interaction, zone)

    @settings.command(name="days", description=N_("your working days, e.g. mon-fri or mon-thu"))
    async def days(self, interaction: Interaction, days: str) -> None:
        await _run(interaction, "settings days", days)

    @settings.command(name="hours", description=N_("your working hours, e.g. 09:00-17:30"))
    async def hours(self, interaction: Interaction, hours: str) -> None:
        await _run(interaction, "settings hours", hours)

    @settings.command(name="holidays", description=N_("public holidays you observe, e.g. DE-BY, US, off"))
    async def holidays(self, interaction: Interaction, region: str) -> None:
        await _run(interaction, "settings holidays", region)

    @settings.command(name="away", description=_about("away"))
    @app_commands.describe(until=N_("e.g. until 2026-04-10, or off when you're back"))
    async def away(self, interaction: Interaction, until: str) -> None:
        await _run(interaction, "away", until)

    @settings.command(name="digest", description=_about("digest"))
    @app_commands.describe(what=N_("now, off, on, or at 08:30 mon-thu"))
    async def digest(self, interaction: Interaction, what: str) -> None:
        await _run(interaction, "digest", what)

    @settings.command(name="calendar", description=_about("calendar"))
    @app_commands.describe(reset=N_("revoke your current address and get a new one"))
    async def calendar(self, interaction: Interaction, reset: bool = False) -> None:
        await _run(interaction, "calendar", "reset" if reset else None)

    @settings.command(name="thread-updates", description=N_("admins: post task answers in the thread they came from"))
    @app_commands.describe(on=N_("on (the default) or off, for the whole server"))
    async def thread_updates(self, interaction: Interaction, on: Literal["on", "off"]) -> None:
        await _run(interaction, "settings thread-updates", on)

    @settings.command(name="intake", description=N_("how a group (a role) takes requests; join or leave its intake"))
    @app_commands.describe(group=N_("the role people ask requests of"),
                           how=N_("round-robin, open, join, leave; empty: show"))
    async def intake(self, interaction: Interaction, group: discord.Role,
                     how: Literal["round-robin", "open", "join", "leave"] | None = None) -> None:
        runner: SlashRunner = interaction.client
        await runner.intake(interaction, group, how or "")

    @settings.command(name="notices", description=_about("notices"))
    @app_commands.describe(how=N_("now, every 30m, every 2h, or digest"))
    async def notices(self, interaction: Interaction, how: str) -> None:
        await _run(interaction, "settings notices", how)

    @settings.command(name="language", description=N_("the language Tandem answers you in"))
    @app_commands.describe(language=N_("en, de, es or fr; auto: as your Discord"))
    async def language(self, interaction: Interaction, language: Literal["auto", "en", "de", "es", "fr"]) -> None:
        await _run(interaction, "settings lang", language)

    @settings.command(name="show", description=N_("see your settings"))

    async def show_settings(self, interaction: Interaction) -> None:
        await _run(interaction, "settings")
