"""Workspace administration: who the admins are, promoting and demoting them, and the audit log."""
from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from core.audit import AuditEntry
from core.commands import DemoteAdmin, PromoteAdmin, ShowAudit
from core.errors import Conflict, InvalidInput, NotAllowed
from core.handlers.context import Context
from core.i18n import N_, _, joined, ngettext
from core.people import Person, Role

AUDIT_PAGE = 10
# One whole sentence per action: {actor}, {subject} (a mention) and {detail} (no names: see AuditEntry). The log
# stores the action and its detail in English; they are said in the reader's language when shown.
AUDIT_LINES = {
    "promote": N_("{actor} made {subject} an admin."),
    "demote": N_("{actor} took back {subject}'s admin rights."),
    "deactivate": N_("{actor} deactivated {subject}; {detail}."),
    "reactivate": N_("{actor} reactivated {subject}."),
    "export": N_("{actor} exported the personal data of {subject}."),
    "forget": N_("{actor} erased the personal data of {subject}."),
    "settings": N_("{actor} changed the workspace's default {detail}."),
}
# The stored details (core/handlers/admin_people._summary, admin_settings), read back to be said again.
HANDED = re.compile(r"(\d+) open task\(s\) and (\d+) request\(s\) handed over, (\d+) notice\(s\) dropped")
RETURNED = re.compile(r"(\d+) open task\(s\) returned, (\d+) own to-do\(s\) kept, (\d+) notice\(s\) dropped")
SETTING = re.compile(r"(\S+) to (.+)", re.DOTALL)


def require_admin(ctx: Context) -> None:
    """Only admins go on; everyone else is told who the admins are."""
    if ctx.me.is_admin and not ctx.me.is_limited:
        return
    admins = [p.mention for p in ctx.uow.admin.admins(ctx.workspace.id or 0)][:10]
    if admins:
        raise NotAllowed(_("Only workspace admins can use /task admin. Ask one of them: {admins}.",
                           admins=", ".join(admins)))
    raise NotAllowed(_("Only workspace admins can use /task admin, and I know of none here yet: the platform's "
                       "admins and owners are Tandem admins as soon as they say something to me."))


def record(ctx: Context, action: str, subject: Person | None = None, detail: str = "") -> None:
    """Write the admin action to the audit log, in the same transaction as the action itself."""
    ctx.uow.admin.record(AuditEntry(ctx.workspace.id or 0, ctx.me.id, action, subject.id if subject else None,
                                    detail, ctx.now))


def promote(cmd: PromoteAdmin, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person)
    if person.is_limited:
        raise Conflict(_("{person} is a guest or from another organisation, so they can't be an admin.",
                         person=person.mention))
    if person.is_admin:
        raise Conflict(_("{person} is already an admin.", person=person.mention))
    person.admin_grant = True
    ctx.uow.people.save(person)
    record(ctx, "promote", person)
    ctx.notify(person.id or 0, "admin", _("{who} made you a Tandem admin in this workspace. See what you can do "
                                          "with /task help admin.", who=ctx.me.mention))
    return _("{person} is now a Tandem admin. The grant is Tandem's own: it stays when their role on the platform "
             "changes. Take it back with /task admin demote {person}.", person=person.mention)


def demote(cmd: DemoteAdmin, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.role is Role.ADMIN:
        raise Conflict(_("{person} is an admin or owner on the platform itself, so they stay a Tandem admin. "
                         "Change their role in the platform's own settings.", person=person.mention))
    if not person.admin_grant:
        raise Conflict(_("{person} isn't an admin.", person=person.mention))
    person.admin_grant = False
    ctx.uow.people.save(person)
    record(ctx, "demote", person)
    ctx.notify(person.id or 0, "admin", _("{who} took back your Tandem admin rights in this workspace.",
                                          who=ctx.me.mention))
    return _("{person} is no longer a Tandem admin.", person=person.mention)


def audit(cmd: ShowAudit, ctx: Context) -> str:
    """The audit log, newest first, a page at a time."""
    require_admin(ctx)
    if cmd.page < 1:
        raise InvalidInput(_("Pages start at 1: /task admin audit 2"))
    total = ctx.uow.admin.count(ctx.workspace.id or 0)
    pages = max(1, -(-total // AUDIT_PAGE))
    if cmd.page > pages:
        raise InvalidInput(ngettext("The audit log has {n} page. See the newest with /task admin audit.",
                                    "The audit log has {n} pages. See the newest with /task admin audit.", pages))
    entries = ctx.uow.admin.entries(ctx.workspace.id or 0, (cmd.page - 1) * AUDIT_PAGE, AUDIT_PAGE)
    if not entries:
        return _("No admin actions yet. Every /task admin change will be listed here.")
    people = ctx.people({i for e in entries for i in (e.actor_id, e.subject_id) if i is not None})
    lines = [_("Admin audit log, page {page} of {pages} (newest first):", page=cmd.page, pages=pages)]
    for entry in entries:
        lines.append("  " + _line(entry, people, ctx))
    if cmd.page < pages:
        lines.append(_("Older: /task admin audit {page}", page=cmd.page + 1))
    return joined(lines, "\n")


def _line(entry: AuditEntry, people: dict[int, Person], ctx: Context) -> str:
    actor = people[entry.actor_id].mention if entry.actor_id in people else _("someone")
    subject = people[entry.subject_id].mention if entry.subject_id in people else _("someone")
    return f"{entry.at.astimezone(ZoneInfo(ctx.me.tz)):%Y-%m-%d %H:%M} {_said(entry, actor, subject)}"


def _said(entry: AuditEntry, actor: str, subject: str) -> str:
    """The entry as a sentence in the reader's language; a stored detail it can't read again is shown as stored."""
    said = {"actor": actor, "subject": subject}
    handed, returned = HANDED.fullmatch(entry.detail), RETURNED.fullmatch(entry.detail)
    setting = SETTING.fullmatch(entry.detail)
    if entry.action == "deactivate" and handed:
        tasks, requests, notices = handed.groups()
        return _("{actor} deactivated {subject}; {tasks} open task(s) and {requests} request(s) handed over, "
                 "{notices} notice(s) dropped.", tasks=tasks, requests=requests, notices=notices, **said)
    if entry.action == "deactivate" and returned:
        tasks, kept, notices = returned.groups()
        return _("{actor} deactivated {subject}; {tasks} open task(s) returned, {kept} own to-do(s) kept, "
                 "{notices} notice(s) dropped.", tasks=tasks, kept=kept, notices=notices, **said)
    if entry.action == "settings" and setting:
        return _("{actor} changed the workspace's default {setting} to {value}.", setting=setting.group(1),
                 value=setting.group(2), **said)
    if entry.action in AUDIT_LINES:
        return _(AUDIT_LINES[entry.action], detail=entry.detail, **said)
    return f"{actor}: {entry.action} {subject} {entry.detail}."
