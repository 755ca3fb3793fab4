"""`/task admin export|forget @person`: a person's data handed over as JSON lines, or erased everywhere."""
from __future__ import annotations

import json

from core.commands import ExportPerson, ForgetPerson
from core.errors import Conflict
from core.handlers.admin import record, require_admin
from core.handlers.context import Context
from core.i18n import _
from core.outcome import Action, Attachment, Card, Reply

EXPORT_FORMAT = 1


def export(cmd: ExportPerson, ctx: Context) -> Reply:
    """Everything stored about or by the person: a header line, then one {"table", "row"} line per row."""
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    rows = ctx.uow.admin.personal_data(person.id or 0)
    header = {"tandem_personal_export": EXPORT_FORMAT, "person": person.id, "workspace": ctx.workspace.id,
              "exported_at": ctx.now.isoformat()}
    lines = [json.dumps(header, sort_keys=True)]
    lines += [json.dumps({"table": table, "row": row}, sort_keys=True, ensure_ascii=False) for table, row in rows]
    record(ctx, "export", person)
    name = f"tandem-person-{person.id}-{ctx.now:%Y%m%d-%H%M%S}.jsonl"
    return Reply(_("Here is everything Tandem stores about {person}: {n} records as JSON lines ({name}). It is "
                   "personal data: keep it safe and hand it only to them.", person=person.mention, n=len(rows),
                   name=name),
                 attachment=Attachment(name, "\n".join(lines) + "\n"))


def forget(cmd: ForgetPerson, ctx: Context) -> Reply:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.id == ctx.me.id:
        raise Conflict(_("You can't erase your own data here. Ask another admin."))
    if person.forgotten:
        raise Conflict(_("That person's personal data is already erased."))
    mention = person.mention
    if cmd.keep:
        return Reply(_("Nothing was erased: {person}'s data is as it was.", person=mention))
    if not cmd.confirmed:
        return _confirmation(mention)
    ctx.uow.calendars.revoke(person.id or 0)
    ctx.uow.admin.forget(person.id or 0, ctx.now)
    record(ctx, "forget", person)
    return Reply(_("Erased the personal data of {person}: their name, handle, settings and platform accounts, "
                   "their comments and drafts, their name in every task and history, and the notices still waiting "
                   "for them. Their tasks stay, with \"a former member\" in their place.", person=mention))


def _confirmation(mention: str) -> Reply:
    card = Card(_("Erase the personal data of {person}?", person=mention), (
        (_("Erased"), _("Their name, handle and settings; their platform accounts; the comments and drafts they "
                        "wrote; their name wherever it appears in tasks and history; notices still waiting for them.")),
        (_("Kept"), _("Their tasks, shown as a former member's. The audit log keeps that this was done.")),
        (_("Undo"), _("None: this can't be undone. Export their data first if they asked for it.")),
    ))
    return Reply(_("This erases {person}'s personal data for good. Are you sure?", person=mention), card, (
        Action("erase", _("Erase their data"), f"/task admin forget {mention} --confirm", "danger"),
        Action("show", _("Keep it"), f"/task admin forget {mention} --keep"),
    ))
