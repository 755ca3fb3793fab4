"""Goals: creating and editing them (owner, target date, description) and linking projects to them."""
from __future__ import annotations

from datetime import date

from core.commands import CreateGoal, EditGoal, ListGoals, SetProjectGoal
from core.errors import Conflict, InvalidInput, NotAllowed
from core.handlers.context import Context
from core.handlers.projects import find_goal, find_project, valid_name
from core.i18n import _, joined
from core.language import parse_when
from core.permissions import sees_project
from core.projects import Goal
from core.report.text import day

DESCRIPTION_LIMIT = 500
TARGET_LIMIT = 60


def create_goal(cmd: CreateGoal, ctx: Context) -> str:
    name = valid_name(cmd.name, "goal")
    if existing := ctx.uow.goals.by_name(ctx.workspace.id or 0, name):
        raise Conflict(_("Goal {name} already exists. Change it with /task goal edit {name} by 30 apr",
                         name=existing.name))
    goal = Goal(ctx.workspace.id or 0, name, ctx.now, owner_id=ctx.me.id)
    _apply(ctx, goal, cmd.target, cmd.owner, cmd.description)
    ctx.uow.goals.add(goal)
    return _("Created goal {summary}. Link a project: /task project goal #launch {name}", summary=_summary(ctx, goal),
             name=name)


def edit_goal(cmd: EditGoal, ctx: Context) -> str:
    goal = find_goal(ctx, cmd.name)
    if ctx.me.id != goal.owner_id and not ctx.me.is_admin:
        raise NotAllowed(_("Only the owner of goal {name} (or an admin) can change it.", name=goal.name))
    if not (cmd.target or cmd.owner or cmd.description):
        raise InvalidInput(_("Say what changes: /task goal edit {name} by 30 apr owner @alice — why it matters",
                             name=goal.name))
    _apply(ctx, goal, cmd.target, cmd.owner, cmd.description)
    ctx.uow.goals.save(goal)
    return _("Updated goal {summary}.", summary=_summary(ctx, goal))


def set_project_goal(cmd: SetProjectGoal, ctx: Context) -> str:
    project = find_project(ctx, cmd.project)
    if cmd.goal.strip().lower() == "none":
        project.goal_id = None
        ctx.uow.projects.save(project)
        return _("#{project} no longer serves a goal.", project=project.name)
    goal = find_goal(ctx, cmd.goal)
    project.goal_id = goal.id
    ctx.uow.projects.save(project)
    return _("#{project} now serves goal {goal}. See both with /task goal status {goal}", project=project.name,
             goal=goal.name)


def list_goals(cmd: ListGoals, ctx: Context) -> str:
    goals = ctx.uow.goals.list(ctx.workspace.id or 0)
    projects = [p for p in ctx.uow.projects.list(ctx.workspace.id or 0) if sees_project(ctx.me, p)]
    if not goals:
        return _("No goals yet. Set one with /task goal add grow-revenue by 30 jun")
    lines = [f"{_summary(ctx, g)}: " + (", ".join(f"#{p.name}" for p in projects if p.goal_id == g.id)
                                        or _("no projects")) for g in goals]
    return _("Goals:") + "\n" + "\n".join(lines)


def _apply(ctx: Context, goal: Goal, target: str, owner: str, description: str) -> None:
    if target.strip():
        goal.target_on = _target(ctx, target)
    if owner.strip():
        goal.owner_id = ctx.person_named(owner).id
    if description.strip():
        text = " ".join(description.split())
        if len(text) > DESCRIPTION_LIMIT:
            raise InvalidInput(_("That description is {length} characters; the limit is {limit}.", length=len(text),
                                 limit=DESCRIPTION_LIMIT))
        goal.description = text


def _target(ctx: Context, text: str) -> date:
    if len(text) > TARGET_LIMIT:
        raise InvalidInput(_("That target date is too long. Try: by 30 apr, by end of june, by 2026-06-30"))
    try:
        due = parse_when(text, now=ctx.now, tz=ctx.me.tz, lang=ctx.me.lang)
    except InvalidInput:
        raise InvalidInput(_("I can't read '{text}' as a date. Try: by 30 apr, or by 2026-06-30", text=text)) from None
    return due.local_date(ctx.me.tz)


def _summary(ctx: Context, goal: Goal) -> str:
    parts = [goal.name]
    if goal.owner_id is not None:
        owner = ctx.people([goal.owner_id]).get(goal.owner_id)
        parts.append(_("owner {who}", who=owner.mention) if owner else "")
    if goal.target_on is not None:
        parts.append(_("target {day}", day=day(goal.target_on)))
    text = joined([p for p in parts if p], " · ")
    return joined([text, goal.description], " — ") if goal.description else text
