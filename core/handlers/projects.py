"""Projects and goals: creating them, joining them, and a project's status at a glance."""
from __future__ import annotations

from core.commands import CreateProject, JoinProject, ListProjects, ProjectStatusQuery
from core.due import end_of_week
from core.errors import InvalidInput, NotFound
from core.handlers.context import Context
from core.handlers.create import name_taken, new_project
from core.i18n import _, joined, ngettext
from core.outcome import Reply
from core.permissions import sees_project
from core.ports import TaskQuery
from core.projects import Goal, Project
from core.tasks import Status
from core.wording import status_word

STATES = {status.value for status in Status}


NAME_LIMIT = 60


def valid_name(raw: str, kind: str) -> str:
    name = raw.strip().lstrip("#")
    if not name or len(name) > NAME_LIMIT or any(ch.isspace() for ch in name):
        if kind == "goal":
            raise InvalidInput(_("A goal name is one word of at most {limit} characters, e.g. /task goal new "
                                 "launch-2027", limit=NAME_LIMIT))
        raise InvalidInput(_("A project name is one word of at most {limit} characters, e.g. /task project new "
                             "launch-2027", limit=NAME_LIMIT))
    return name


def create_project(cmd: CreateProject, ctx: Context) -> str:
    name = valid_name(cmd.name, "project")
    if ctx.uow.projects.by_name(ctx.workspace.id or 0, name):
        raise name_taken(name)
    goal = find_goal(ctx, cmd.goal) if cmd.goal else None
    new_project(ctx, name, goal.id if goal else None, cmd.private)
    said = [_("Created project #{name}, serving goal {goal}. Add tasks with: /task add … #{name}.", name=name,
              goal=goal.name) if goal else
            _("Created project #{name}. Add tasks with: /task add … #{name}.", name=name)]
    if cmd.private:
        said.append(_("It is private: only its members see it and its tasks; add them with /task project join "
                       "#{name} @name.", name=name))
    return joined(said, " ")


def find_goal(ctx: Context, name: str) -> Goal:
    goal = ctx.uow.goals.by_name(ctx.workspace.id or 0, name.strip())
    if goal is None:
        raise NotFound(_("There is no goal '{name}'. Create it with /task goal add {name}", name=name))
    return goal


def find_project(ctx: Context, name: str) -> Project:
    """The project the speaker may see (one they may not is answered like a missing one)."""
    return ctx.project(name)


def join_project(cmd: JoinProject, ctx: Context) -> str:
    project = ctx.project(cmd.name)
    member = ctx.person_named(cmd.member) if cmd.member else ctx.me
    project.members = project.members | {member.id or 0}
    ctx.uow.projects.save(project)
    return _("{who} is a member of #{project}.", who=member.mention, project=project.name)


def list_projects(cmd: ListProjects, ctx: Context) -> str:
    projects = [p for p in ctx.uow.projects.list(ctx.workspace.id or 0) if sees_project(ctx.me, p)]
    if not projects:
        return _("No projects yet. Start one with /task project new launch")
    return _("Projects: {projects}", projects=", ".join(f"#{p.name}" for p in projects))


def project_status(cmd: ProjectStatusQuery, ctx: Context) -> Reply:
    project = ctx.project(cmd.name)
    scope = TaskQuery(ctx.workspace.id or 0, ctx.me)
    status = ctx.uow.tasks.project_status(scope, project, ctx.now, end_of_week(ctx.now, ctx.me.tz))
    counts = joined([f"{n} {status_word(Status(state)) if state in STATES else state}"
                     for state, n in sorted(status.counts.items())], ", ") if status.counts else _("no tasks")
    return Reply(joined([
        _("#{project}: {percent} done ({counts}).", project=project.name, percent=f"{status.percent_done}%",
          counts=counts),
        ngettext("{overdue} overdue, {n} unanswered request, {week} due this week.",
                 "{overdue} overdue, {n} unanswered requests, {week} due this week.", status.unanswered,
                 overdue=status.overdue, week=ngettext("{n} commitment", "{n} commitments", status.due_this_week)),
    ], " "))


