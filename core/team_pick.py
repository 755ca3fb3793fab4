"""Round-robin intake: whose turn it is for a group's next request (not away, lightest load that week)."""
from __future__ import annotations

from core.due import Due
from core.handlers.context import Context
from core.people import Person
from core.report.load import week_load
from core.schedule.wall import local_date
from core.tasks import Task
from core.teams import Group


def next_in_turn(ctx: Context, group: Group, task: Task) -> int | None:
    """The member to hand `task` to: the one after the last taker in handle order, unless someone else has a
    lighter load in the task's week; people away today are skipped. None when nobody is there to take it."""
    people = _members(ctx, group)
    today = local_date(ctx.now, ctx.me.tz)
    present = [p for p in people if not p.is_away(today) and p.id != ctx.me.id]
    if not present:
        return None
    last = ctx.uow.teams.last_taker(group.id or 0)
    ids = [p.id for p in present]
    start = (ids.index(last) + 1) if last in ids else 0
    turn = present[start:] + present[:start]
    week = task.due or Due(ctx.me.tz, on=today)
    return min(turn, key=lambda p: week_load(ctx.uow, p, week)).id


def _members(ctx: Context, group: Group) -> list[Person]:
    """The group's intake members Tandem knows as people, in handle order."""
    platform = ctx.workspace.platform
    found = (ctx.uow.people.by_identity(ctx.workspace.id or 0, platform, user)
             for user in sorted(ctx.uow.teams.intake_members(group.id or 0)))
    return sorted((p for p in found if p is not None and p.id is not None), key=lambda p: p.handle)
