"""`/task admin deactivate|reactivate @person`: someone who left stops getting work and notices; their open
work goes to a chosen person or back to whoever asked for it, and those people are told."""
from __future__ import annotations

from dataclasses import dataclass

from core.actions import answer_actions
from core.commands import DeactivatePerson, ReactivatePerson
from core.errors import Conflict
from core.handlers.admin import record, require_admin
from core.handlers.context import Context
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
        raise Conflict("You can't deactivate yourself. Ask another admin.")
    if not person.active:
        raise Conflict(f"{person.mention} is already deactivated. Undo it with /task admin reactivate "
                       f"{person.mention}.")
    heir = ctx.person_named(cmd.to) if cmd.to else None
    if heir is not None and heir.id == person.id:
        raise Conflict(f"Hand {person.mention}'s work to someone else, e.g. /task admin deactivate "
                       f"{person.mention} to @name.")
    done = _hand_over(ctx, person, heir)
    person.deactivated_at = ctx.now
    ctx.uow.people.save(person)
    dropped = ctx.uow.admin.drop_notices(person.id or 0)
    ctx.uow.calendars.revoke(person.id or 0)  # a feed address outlives nobody's access
    record(ctx, "deactivate", person, _summary(done, heir is not None, dropped))
    where = (f"{done.handed} open task(s) went to {heir.mention}, and {done.requests} of their open requests "
             f"are now {heir.mention}'s to follow" if heir is not None else
             f"{done.returned} open task(s) went back to the people who asked for them, "
             f"and {done.kept} of their own to-dos stay with them")
    return (f"Deactivated {person.mention}: {where}; everyone concerned was told. They get no more notices and "
            f"can't be given work. Undo with /task admin reactivate {person.mention}.")


def reactivate(cmd: ReactivatePerson, ctx: Context) -> str:
    require_admin(ctx)
    person = ctx.person_named(cmd.person, deactivated=True)
    if person.active:
        raise Conflict(f"{person.mention} is active.")
    if person.forgotten:
        raise Conflict("Their personal data was erased, so there is no one to reactivate. If they come back, "
                       "they start afresh by saying something to me.")
    person.deactivated_at = None
    ctx.uow.people.save(person)
    record(ctx, "reactivate", person)
    return (f"{person.mention} is active again: they can be given work and get notices. "
            "Their old work stays where it went.")


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
                ctx.notify(heir.id or 0, "reassigned", f"You now follow {task.ref} {task.title}, which "
                           f"{person.mention} asked for: {ctx.me.mention} deactivated them.", task)
                done.requests += 1
    return done


def _give(ctx: Context, task: Task, person: Person, heir: Person) -> None:
    task.owner_id, task.proposed_due = heir.id or 0, None
    task.agreement = opening_agreement(task)
    ctx.touch(task)
    ctx.log(task, "reassigned", f"to {heir.mention}: {person.mention} was deactivated")
    if task.agreement is Agreement.REQUESTED:
        ctx.notify(heir.id or 0, "request", f"{ctx.me.mention} deactivated {person.mention} and gave you "
                   f"{task.ref} {task.title}. Accept it, propose a date, or decline.", task, answer_actions(task))
    else:
        ctx.notify(heir.id or 0, "reassigned", f"{ctx.me.mention} deactivated {person.mention} and gave you "
                   f"{task.ref} {task.title}.", task)
    ctx.notify(task.requester_id, "reassigned", f"{task.ref} {task.title} is now with {heir.mention}: "
               f"{ctx.me.mention} deactivated {person.mention}.", task)


def _return(ctx: Context, task: Task, person: Person) -> None:
    task.owner_id, task.proposed_due = task.requester_id, None
    task.agreement = opening_agreement(task)
    ctx.touch(task)
    ctx.log(task, "reassigned", f"back to the requester: {person.mention} was deactivated")
    ctx.notify(task.requester_id, "reassigned", f"{task.ref} {task.title} came back to you: {ctx.me.mention} "
               f"deactivated {person.mention}. Give it to someone else with /task assign {task.ref} @name.", task)


def _summary(done: Handover, handed: bool, dropped: int) -> str:
    if handed:
        return f"{done.handed} open task(s) and {done.requests} request(s) handed over, {dropped} notice(s) dropped"
    return f"{done.returned} open task(s) returned, {done.kept} own to-do(s) kept, {dropped} notice(s) dropped"
