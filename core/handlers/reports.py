"""Goal status, the portfolio and commitment health: numbers over what the reader may see."""
from __future__ import annotations

from core.commands import GoalStatus, ShowPortfolio, ShowStats
from core.errors import NotAllowed
from core.handlers.context import Context
from core.handlers.projects import find_goal, find_project
from core.i18n import _
from core.outcome import Reply
from core.report.health import QUARTER, health
from core.report.rollup import GoalRollup, roll_up
from core.report.text import figures_line, forecast_lines, health_lines, short_forecast

SUBJECT_LIMIT = 100
PROJECTS_SHOWN = 5  # per goal in the portfolio; goal status lists them all


def goal_status(cmd: GoalStatus, ctx: Context) -> Reply:
    goal = find_goal(ctx, cmd.name)
    projects = [p for p in ctx.uow.projects.list(ctx.workspace.id or 0) if p.goal_id == goal.id]
    rollup = roll_up(ctx.uow, ctx.workspace.id or 0, ctx.me, ctx.now, ctx.workspace.default_tz, [goal], projects,
                     goal_id=goal.id)[0]
    return Reply("\n".join(_goal_block(ctx, rollup, detailed=True)))


def portfolio(cmd: ShowPortfolio, ctx: Context) -> Reply:
    workspace = ctx.workspace.id or 0
    goals, projects = ctx.uow.goals.list(workspace), ctx.uow.projects.list(workspace)
    if not goals and not projects:
        return Reply(_("No goals or projects yet. Set a goal with /task goal add grow-revenue by 30 jun"))
    rollups = roll_up(ctx.uow, workspace, ctx.me, ctx.now, ctx.workspace.default_tz, goals, projects)
    ctx.people({goal.owner_id for goal in goals if goal.owner_id is not None})  # one lookup for every owner
    blocks = ["\n".join(_goal_block(ctx, rollup, detailed=False)) for rollup in rollups]
    return Reply(_("Portfolio") + "\n\n" + "\n\n".join(blocks))


def _goal_block(ctx: Context, rollup: GoalRollup, detailed: bool) -> list[str]:
    goal, tz = rollup.goal, ctx.me.tz
    heading = _("Goal {name}", name=goal.name) if goal else _("Projects with no goal")
    if goal and goal.owner_id is not None and (owner := ctx.people([goal.owner_id]).get(goal.owner_id)):
        heading += " · " + _("owner {who}", who=owner.mention)
    lines = [heading]
    if goal and goal.description and detailed:
        lines.append(goal.description)
    lines.append(figures_line(rollup.total.figures))
    lines += forecast_lines(rollup.total.outlook, goal.target_on if goal else None, tz, ctx.now)
    if not rollup.projects:
        return [*lines, "• " + _("no projects yet")]
    if detailed:
        return lines + [f"• {p.name}: {figures_line(p.figures)}; {short_forecast(p.outlook, tz)}"
                        for p in rollup.projects]
    shown = ["• " + _("{name}: {percent} done, {forecast}", name=p.name, percent=f"{p.figures.percent_done}%",
                      forecast=short_forecast(p.outlook, tz))
             for p in rollup.projects[:PROJECTS_SHOWN]]
    more = len(rollup.projects) - PROJECTS_SHOWN
    if more > 0 and goal is not None:
        shown.append(_("… and {n} more: /task goal status {goal}", n=more, goal=goal.name))
    elif more > 0:
        shown.append(_("… and {n} more: /task project list", n=more))
    return lines + shown


def stats(cmd: ShowStats, ctx: Context) -> Reply:
    subject = cmd.subject.strip()[:SUBJECT_LIMIT]
    workspace, since = ctx.workspace.id or 0, ctx.now - QUARTER
    reports = ctx.uow.reports
    if subject.startswith("#"):
        project = find_project(ctx, subject)
        if ctx.me.id not in project.members and ctx.me.id != project.owner_id and not ctx.me.is_admin:
            raise NotAllowed(_("Only members of #{name} (and admins) see its figures. Join it with /task project join "
                               "{name}", name=project.name))
        owner_id, project_id = None, project.id
        whose = f"#{project.name}"
    else:
        person = ctx.person_named(subject) if subject else ctx.me
        if person.id != ctx.me.id and not ctx.me.is_admin:
            raise NotAllowed(_("People see their own figures; admins see everyone's. Try /task stats"))
        owner_id, project_id = person.id, None
        whose = _("you") if person.id == ctx.me.id else person.mention
    record = health(reports.commitments(workspace, ctx.me, since, ctx.now, owner_id, project_id),
                    reports.requests(workspace, ctx.me, since, owner_id, project_id),
                    reports.open_load(workspace, ctx.me, owner_id, project_id), ctx.now)
    return Reply("\n".join(health_lines(whose, record)))
