"""Projects and goals: creating them, joining them, and a project's status at a glance."""
from __future__ import annotations

from datetime import timedelta

from core.commands import CreateProject, JoinProject, ListProjects, ProjectStatusQuery
from core.errors import Conflict, InvalidInput, NotFound
from core.handlers.context import Context
from core.handlers.create import new_project
from core.outcome import Reply
from core.projects import Goal, Project

NAME_LIMIT = 60


def valid_name(raw: str, kind: str) -> str:
    name = raw.strip().lstrip("#")
    if not name or len(name) > NAME_LIMIT or any(ch.isspace() for ch in name):
        raise InvalidInput(f"A {kind} name is one word of at most {NAME_LIMIT} characters, "
                           f"e.g. /task {kind} new launch-2027")
    return name


def create_project(cmd: CreateProject, ctx: Context) -> str:
    name = valid_name(cmd.name, "project")
    if ctx.uow.projects.by_name(ctx.workspace.id or 0, name):
        raise Conflict(f"#{name} already exists.")
    goal = find_goal(ctx, cmd.goal) if cmd.goal else None
    new_project(ctx, name, goal.id if goal else None)
    serves = f", serving goal {goal.name}" if goal else ""
    return f"Created project #{name}{serves}. Add tasks with: /task add … #{name}"


def find_goal(ctx: Context, name: str) -> Goal:
    goal = ctx.uow.goals.by_name(ctx.workspace.id or 0, name.strip())
    if goal is None:
        raise NotFound(f"There is no goal '{name}'. Create it with /task goal add {name}")
    return goal


def find_project(ctx: Context, name: str) -> Project:
    project = ctx.uow.projects.by_name(ctx.workspace.id or 0, name.strip().lstrip("#"))
    if project is None:
        raise NotFound(f"There is no project #{name.lstrip('#')}. See them with /task project list.")
    return project


def join_project(cmd: JoinProject, ctx: Context) -> str:
    project = find_project(ctx, cmd.name)
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
    project = find_project(ctx, cmd.name)
    status = ctx.uow.tasks.project_status(project, ctx.now, ctx.now + timedelta(days=7))
    counts = ", ".join(f"{n} {state}" for state, n in sorted(status.counts.items())) or "no tasks"
    return Reply(f"#{project.name}: {status.percent_done}% done ({counts}). {status.overdue} overdue, "
                 f"{status.unanswered} unanswered requests, {status.due_this_week} commitments due this week.")

