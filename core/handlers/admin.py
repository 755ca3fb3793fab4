"""Workspace administration: who the admins are, promoting and demoting them, and the audit log."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from core.audit import AuditEntry
from core.commands import DemoteAdmin, PromoteAdmin, ShowAudit
from core.errors import Conflict, InvalidInput, NotAllowed
from core.handlers.context import Context
from core.people import Person, Role

AUDIT_PAGE = 10
# One whole sentence per action: {actor}, {subject} (a mention) and {detail} (no names: see AuditEntry).
AUDIT_LINES = {
    "promote": "{actor} made {subject} an admin.",
    "demote": "{actor} took back {subject}'s admin rights.",
    "deactivate": "{actor} deactivated {subject}; {detail}.",
    "reactivate": "{actor} reactivated {subject}.",
    "export": "{actor} exported the personal data of {subject}.",
    "forget": "{actor} erased the personal data of {subject}.",
    "settings": "{actor} changed the workspace's default {detail}.",
}


def require_admin(ctx: Context) -> None:
    """Only admins go on; everyone else is told who the admins are."""
    if ctx.me.is_admin and not ctx.me.is_limited:
        return
    admins = [p.mention for p in ctx.uow.admin.admins(ctx.workspace.id or 0)][:10]
    if admins:
        raise NotAllowed(f"Only workspace admins can use /task admin. Ask one of them: {', '.join(admins)}.")
    raise NotAllowed("Only workspace admins can use /task admin, and I know of none here yet: the platform's "
                     "admins and owners are Tandem admins as soon as they say something to me.")


def record(ctx: Context, action: str, subject: Person | None = None, detail: str = "") -> None:
    """Write the admin action to the audit log, in the same transaction as the action itself."""
    ctx.uow.admin.record(AuditEntry(ctx.workspace.id or 0, ctx.me.id, action, subject.id if subject else None,
                                    detail, ctx.now))


def promote(cmd: PromoteAdmin, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person)
    if person.is_limited:
        raise Conflict(f"{person.mention} is a guest or from another organisation, so they can't be an admin.")
    if person.is_admin:
        raise Conflict(f"{person.mention} is already an admin.")
    person.admin_grant = True
    ctx.uow.people.save(person)
    record(ctx, "promote", person)
    ctx.notify(person.id or 0, "admin", f"{ctx.me.mention} made you a Tandem admin in this workspace. "
               "See what you can do with /task help admin.")
    return (f"{person.mention} is now a Tandem admin. The grant is Tandem's own: it stays when their role on "
            f"the platform changes. Take it back with /task admin demote {person.mention}.")


def demote(cmd: DemoteAdmin, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.role is Role.ADMIN:
        raise Conflict(f"{person.mention} is an admin or owner on the platform itself, so they stay a Tandem "
                       "admin. Change their role in the platform's own settings.")
    if not person.admin_grant:
        raise Conflict(f"{person.mention} isn't an admin.")
    person.admin_grant = False
    ctx.uow.people.save(person)
    record(ctx, "demote", person)
    ctx.notify(person.id or 0, "admin", f"{ctx.me.mention} took back your Tandem admin rights in this workspace.")
    return f"{person.mention} is no longer a Tandem admin."


def audit(cmd: ShowAudit, ctx: Context) -> str:
    """The audit log, newest first, a page at a time."""
    require_admin(ctx)
    if cmd.page < 1:
        raise InvalidInput("Pages start at 1: /task admin audit 2")
    total = ctx.uow.admin.count(ctx.workspace.id or 0)
    pages = max(1, -(-total // AUDIT_PAGE))
    if cmd.page > pages:
        raise InvalidInput(f"The audit log has {pages} page{'s' if pages > 1 else ''}. "
                           f"See the newest with /task admin audit.")
    entries = ctx.uow.admin.entries(ctx.workspace.id or 0, (cmd.page - 1) * AUDIT_PAGE, AUDIT_PAGE)
    if not entries:
        return "No admin actions yet. Every /task admin change will be listed here."
    people = ctx.people({i for e in entries for i in (e.actor_id, e.subject_id) if i is not None})
    lines = [f"Admin audit log, page {cmd.page} of {pages} (newest first):"]
    for entry in entries:
        lines.append("  " + _line(entry, people, ctx))
    if cmd.page < pages:
        lines.append(f"Older: /task admin audit {cmd.page + 1}")
    return "\n".join(lines)


def _line(entry: AuditEntry, people: dict[int, Person], ctx: Context) -> str:
    actor = people[entry.actor_id].mention if entry.actor_id in people else "someone"
    subject = people[entry.subject_id].mention if entry.subject_id in people else "someone"
    template = AUDIT_LINES.get(entry.action, "{actor}: " + entry.action + " {subject} {detail}.")
    said = template.format(actor=actor, subject=subject, detail=entry.detail)
    return f"{entry.at.astimezone(ZoneInfo(ctx.me.tz)):%Y-%m-%d %H:%M} {said}"
