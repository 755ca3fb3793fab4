"""`/task admin deactivate|reactivate @person`: someone who left stops getting work and notices; their open
work goes to a chosen person or back to whoever asked for it, and those people are told."""
from __future__ import annotations

from dataclasses import dataclass

from core.actions import answer_actions
from core.commands import DeactivatePerson, ReactivatePerson
from core.errors import Conflict
from core.handlers.admin import record, require_admin
from core.handlers.context import Context
from core.i18n import _
from core.negotiation import opening_agreement
from core.people import Person
from core.ports import TaskQuery
from core.tasks import Agreement, Task

EVERY_TASK = 100_000


@dataclass
class Handover:
    """What happened to the open work of a deactivated person."""

    handed: int = 0
    returned: int = 0
    kept: int = 0
    requests: int = 0


def deactivate(cmd: DeactivatePerson, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.id == ctx.me.id:
        raise Conflict(_("You can't deactivate yourself. Ask another admin."))
    if not person.active:
        raise Conflict(_("{person} is already deactivated. Undo it with /task admin reactivate {person}.",
                         person=person.mention))
    heir = ctx.person_named(cmd.to) if cmd.to else None
    if heir is not None and heir.id == person.id:
        raise Conflict(_("Hand {person}'s work to someone else, e.g. /task admin deactivate {person} to @name.",
                         person=person.mention))
    done = _hand_over(ctx, person, heir)
    person.deactivated_at = ctx.now
    ctx.uow.people.save(person)
    dropped = ctx.uow.admin.drop_notices(person.id or 0)
    ctx.uow.calendars.revoke(person.id or 0)  # a feed address outlives nobody's access
    record(ctx, "deactivate", person, _summary(done, heir is not None, dropped))
    if heir is not None:
        return _("Deactivated {person}: {handed} open task(s) went to {heir}, and {requests} of their open requests "
                 "are now {heir}'s to follow; everyone concerned was told. They get no more notices and can't be "
                 "given work. Undo with /task admin reactivate {person}.", person=person.mention,
                 handed=done.handed, heir=heir.mention, requests=done.requests)
    return _("Deactivated {person}: {returned} open task(s) went back to the people who asked for them, and {kept} "
             "of their own to-dos stay with them; everyone concerned was told. They get no more notices and can't "
             "be given work. Undo with /task admin reactivate {person}.", person=person.mention,
             returned=done.returned, kept=done.kept)


def reactivate(cmd: ReactivatePerson, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.active:
        raise Conflict(_("{person} is active.", person=person.mention))
    if person.forgotten:
        raise Conflict(_("Their personal data was erased, so there is no one to reactivate. If they come back, "
                         "they start afresh by saying something to me."))
    person.deactivated_at = None
    ctx.uow.people.save(person)
    record(ctx, "reactivate", person)
    return _("{person} is active again: they can be given work and get notices. Their old work stays where it "
             "went.", person=person.mention)


def _hand_over(ctx: Context, person: Person, heir: Person | None) -> Handover:
    done = Handover()
    owned = ctx.uow.tasks.query(TaskQuery(ctx.workspace.id or 0, person, owner_id=person.id, limit=EVERY_TASK))
    for task in owned:
        if heir is not None:
            _give(ctx, task, person, heir)
            done.handed += 1
        elif task.requester_id != person.id:
            _return(ctx, task, person)
            done.returned += 1
        else:
            done.kept += 1
    if heir is not None:
        asked = ctx.uow.tasks.query(TaskQuery(ctx.workspace.id or 0, person, requester_id=person.id,
                                              limit=EVERY_TASK))
        for task in asked:
            if task.owner_id != person.id and task.owner_id != heir.id:
                task.requester_id = heir.id or 0
                ctx.touch(task)
                ctx.log(task, "requester", f"to {heir.mention}: {person.mention} was deactivated")
                ctx.notify(heir.id or 0, "reassigned", _("You now follow {ref} {title}, which {person} asked for: "
                                                         "{who} deactivated them.", ref=task.ref, title=task.title,
                                                         person=person.mention, who=ctx.me.mention), task)
                done.requests += 1
    return done


def _give(ctx: Context, task: Task, person: Person, heir: Person) -> None:
    task.owner_id, task.proposed_due = heir.id or 0, None
    task.agreement = opening_agreement(task)
    ctx.touch(task)
    ctx.log(task, "reassigned", f"to {heir.mention}: {person.mention} was deactivated")
    said = {"who": ctx.me.mention, "person": person.mention, "ref": task.ref, "title": task.title}
    if task.agreement is Agreement.REQUESTED:
        ctx.notify(heir.id or 0, "request", _("{who} deactivated {person} and gave you {ref} {title}. Accept it, "
                                              "propose a date, or decline.", **said), task, answer_actions(task))
    else:
        ctx.notify(heir.id or 0, "reassigned", _("{who} deactivated {person} and gave you {ref} {title}.", **said),
                   task)
    ctx.notify(task.requester_id, "reassigned", _("{ref} {title} is now with {heir}: {who} deactivated {person}.",
                                                  heir=heir.mention, **said), task)


def _return(ctx: Context, task: Task, person: Person) -> None:
    task.owner_id, task.proposed_due = task.requester_id, None
    task.agreement = opening_agreement(task)
    ctx.touch(task)
    ctx.log(task, "reassigned", f"back to the requester: {person.mention} was deactivated")
    ctx.notify(task.requester_id, "reassigned", _("{ref} {title} came back to you: {who} deactivated {person}. "
                                                  "Give it to someone else with /task assign {ref} @name.",
                                                  ref=task.ref, title=task.title, who=ctx.me.mention,
                                                  person=person.mention), task)


def _summary(done: Handover, handed: bool, dropped: int) -> str:
    if handed:
        return f"{done.handed} open task(s) and {done.requests} request(s) handed over, {dropped} notice(s) dropped"
    return f"{done.returned} open task(s) returned, {done.kept} own to-do(s) kept, {dropped} notice(s) dropped"
