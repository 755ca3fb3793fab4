"""Projects and goals: creating them, joining them, and a project's status at a glance."""
from __future__ import annotations

from core.commands import CreateGoal, CreateProject, JoinProject, ListGoals, ListProjects, ProjectStatusQuery
from core.due import end_of_week
from core.errors import Conflict, InvalidInput, NotFound
from core.handlers.context import Context
from core.handlers.create import new_project
from core.outcome import Reply
from core.projects import Goal, Project
from core.wording import count

NAME_LIMIT = 60


def _name(raw: str, kind: str) -> str:
    name = raw.strip().lstrip("#")
    if not name or len(name) > NAME_LIMIT or any(ch.isspace() for ch in name):
        raise InvalidInput(f"A {kind} name is one word of at most {NAME_LIMIT} characters, "
                           f"e.g. /task {kind} new launch-2027")
    return name


def create_project(cmd: CreateProject, ctx: Context) -> str:
    name = _name(cmd.name, "project")
    if ctx.uow.projects.by_name(ctx.workspace.id or 0, name):
        raise Conflict(f"#{name} already exists.")
    goal = _goal(ctx, cmd.goal) if cmd.goal else None
    new_project(ctx, name, goal.id if goal else None)
    serves = f", serving goal {goal.name}" if goal else ""
    return f"Created project #{name}{serves}. Add tasks with: /task add … #{name}"


def _goal(ctx: Context, name: str) -> Goal:
    goal = ctx.uow.goals.by_name(ctx.workspace.id or 0, name.strip())
    if goal is None:
        raise NotFound(f"There is no goal '{name}'. Create it with /task goal new {name}")
    return goal


def _project(ctx: Context, name: str) -> Project:
    project = ctx.uow.projects.by_name(ctx.workspace.id or 0, name.strip().lstrip("#"))
    if project is None:
        raise NotFound(f"There is no project #{name.lstrip('#')}. See them with /task project list.")
    return project


def join_project(cmd: JoinProject, ctx: Context) -> str:
    project = _project(ctx, cmd.name)
    member = ctx.person_named(cmd.member) if cmd.member else ctx.me
    project.members = project.members | {member.id or 0}
    ctx.uow.projects.save(project)
    return f"{member.mention} is a member of #{project.name}."


def list_projects(cmd: ListProjects, ctx: Context) -> str:
    projects = ctx.uow.projects.list(ctx.workspace.id or 0)
    if not projects:
        return "No projects yet. Start one with /task project new launch"
    return "Projects: " + ", ".join(f"#{p.name}" for p in projects)


def project_status(cmd: ProjectStatusQuery, ctx: Context) -> Reply:
    project = _project(ctx, cmd.name)
    status = ctx.uow.tasks.project_status(project, ctx.now, end_of_week(ctx.now, ctx.me.tz))
    counts = ", ".join(f"{n} {state}" for state, n in sorted(status.counts.items())) or "no tasks"
    return Reply(f"#{project.name}: {status.percent_done}% done ({counts}). {status.overdue} overdue, "
                 f"{count(status.unanswered, 'unanswered request')}, "
                 f"{count(status.due_this_week, 'commitment')} due this week.")


def create_goal(cmd: CreateGoal, ctx: Context) -> str:
    name = _name(cmd.name, "goal")
    if ctx.uow.goals.by_name(ctx.workspace.id or 0, name):
        raise Conflict(f"Goal {name} already exists.")
    ctx.uow.goals.add(Goal(ctx.workspace.id or 0, name, ctx.now, owner_id=ctx.me.id))
    return f"Created goal {name}. Link a project: /task project new site-relaunch {name}"


def list_goals(cmd: ListGoals, ctx: Context) -> str:
    goals = ctx.uow.goals.list(ctx.workspace.id or 0)
    projects = ctx.uow.projects.list(ctx.workspace.id or 0)
    if not goals:
        return "No goals yet. Set one with /task goal new grow-revenue"
    lines = [f"{g.name}: " + (", ".join(f"#{p.name}" for p in projects if p.goal_id == g.id) or "no projects")
             for g in goals]
    return "Goals:\n" + "\n".join(lines)
