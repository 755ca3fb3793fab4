"""A group's intake: open to claims or handed out in turn, and (where the platform can't list a role) who is in it."""
from __future__ import annotations

from core.commands import GroupIntake
from core.errors import InvalidInput, NotAllowed, NotFound
from core.handlers.context import Context
from core.i18n import _
from core.teams import Group, Intake

ACTIONS = ("open", "round-robin", "join", "leave")


def group_intake(cmd: GroupIntake, ctx: Context) -> str:
    group = _group(ctx, cmd.group)
    action = cmd.action.strip().lower().replace("roundrobin", "round-robin").replace("round robin", "round-robin")
    if ctx.me.is_limited:
        raise NotAllowed(_("Guests and people from other organisations can't change a group's intake."))
    if not action:
        return _shown(ctx, group)
    if action not in ACTIONS:
        raise InvalidInput(_("Say how {group} takes requests: /task settings intake {group} round-robin (or open, "
                             "join, leave).", group=group.mention))
    if action in ("join", "leave"):
        return _membership(ctx, group, action == "join")
    group.intake = Intake(action)
    ctx.uow.teams.save_group(group)
    if group.intake is Intake.ROUND_ROBIN:
        return _("{group} now gets requests in turn: each goes to the next member who isn't away, preferring "
                 "whoever has the lightest load that week.", group=group.mention)
    return _("{group} now takes requests openly: the first member to claim one takes it.", group=group.mention)


def _group(ctx: Context, name: str) -> Group:
    handle = name.strip().lstrip("@").lower()
    if not handle:
        raise InvalidInput(_("Say which group: /task settings intake @design round-robin"))
    group = ctx.uow.teams.group_by_handle(ctx.workspace.id or 0, handle)
    named = "@" + handle[:80]
    if group is None:
        raise NotFound(_("I don't know a group called {group} yet. Mention it in a request first (a Slack user "
                         "group or a Discord role), e.g. @tandem can someone from {group} review the mockups by "
                         "Friday?", group=named))
    return group


def _membership(ctx: Context, group: Group, joined: bool) -> str:
    user = ctx.me.identities.get(ctx.workspace.platform)
    if user is None:
        raise NotFound(_("I don't know your account on this platform yet. Say something to me first."))
    if joined:
        ctx.uow.teams.add_member(group.id or 0, user)
        if group.intake is Intake.ROUND_ROBIN:
            return _("You joined {group}'s intake: you can claim its requests and get them in turn.",
                     group=group.mention)
        return _("You joined {group}'s intake: you can claim its requests.", group=group.mention)
    ctx.uow.teams.remove_member(group.id or 0, user)
    return _("You left {group}'s intake.", group=group.mention)


def _shown(ctx: Context, group: Group) -> str:
    users = ctx.uow.teams.members(group.id or 0)
    platform = ctx.workspace.platform
    people = [p for p in (ctx.uow.people.by_identity(ctx.workspace.id or 0, platform, u) for u in sorted(users))
              if p is not None]
    names = ", ".join(sorted(p.mention for p in people)) or _("nobody yet")
    if group.intake is Intake.ROUND_ROBIN:
        return _("{group} takes requests in turn (round-robin). Members: {names}.", group=group.mention, names=names)
    return _("{group} takes requests openly (first to claim takes it). Members: {names}.", group=group.mention,
             names=names)
