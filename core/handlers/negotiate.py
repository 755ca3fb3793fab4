"""Accept, propose another date, decline: the owner's answers and the requester's settlement."""
from __future__ import annotations

from core import negotiation
from core.actions import answer_actions, settle_actions, work_actions
from core.commands import AcceptTask, DeclineTask, ProposeDue
from core.due import Due
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.language import parse_when
from core.permissions import Act
from core.tasks import Agreement, Task
from core.validation.dates import check_due
from core.wording import when


def accept_task(cmd: AcceptTask, ctx: Context) -> str:
    task = ctx.task(cmd.number)
    if not task.is_request:
        raise Conflict(f"{task.ref} is your own task; there is nothing to accept.")
    if ctx.me.id == task.requester_id and task.agreement is Agreement.PROPOSED:
        return _requester_accepts(ctx, task)
    if ctx.me.id == task.requester_id:
        raise Conflict(f"{task.ref} is waiting for its owner's answer, not yours.")
    ctx.task(cmd.number, Act.ANSWER)
    negotiation.owner_accepts(task)
    _save(ctx, task, "accepted,", f"due {when(task.due, ctx.me.tz)}")
    requester = ctx.people([task.requester_id])[task.requester_id]
    ctx.notify(task.requester_id, "agreed", f"{ctx.me.mention} accepted {task.ref} {task.title}, due "
               f"{when(task.due, requester.tz, ctx.now)}.", task)
    return f"You committed to {task.ref} {task.title}, due {when(task.due, ctx.me.tz, ctx.now)}."


def _requester_accepts(ctx: Context, task: Task) -> str:
    negotiation.requester_accepts(task)
    _save(ctx, task, "agreed to", when(task.due, ctx.me.tz))
    owner = ctx.people([task.owner_id])[task.owner_id]
    ctx.notify(task.owner_id, "agreed", f"{ctx.me.mention} accepted your date for {task.ref} {task.title}: "
               f"due {when(task.due, owner.tz, ctx.now)}. It's agreed.", task, work_actions(task))
    return f"Agreed: {task.ref} {task.title} is due {when(task.due, ctx.me.tz, ctx.now)}."


def propose_due(cmd: ProposeDue, ctx: Context) -> str:
    task = ctx.task(cmd.number)
    if not cmd.when.strip():
        raise InvalidInput(f"Say which date: /task propose {task.ref} next friday Need the numbers first")
    due, note_text = split_when(ctx, cmd.when, cmd.note)
    check_due(due, ctx.now)
    cmd = ProposeDue(cmd.number, cmd.when, note_text)
    note = f" Note: {cmd.note}" if cmd.note else ""
    if ctx.me.id == task.requester_id and task.agreement is Agreement.PROPOSED:
        negotiation.requester_counters(task, due)
        _save(ctx, task, "countered with", f"{when(due, ctx.me.tz)} {cmd.note}".strip())
        owner = ctx.people([task.owner_id])[task.owner_id]
        ctx.notify(task.owner_id, "countered", f"{ctx.me.mention} suggests {when(due, owner.tz, ctx.now)} "
                   f"for {task.ref} {task.title} instead.{note}", task, answer_actions(task))
        return f"Sent {when(due, ctx.me.tz, ctx.now)} back to the owner of {task.ref}."
    ctx.task(cmd.number, Act.ANSWER)
    if not task.is_request:
        raise Conflict(f"{task.ref} is your own task: change the date with /task due {task.ref} {cmd.when}")
    negotiation.owner_proposes(task, due)
    _save(ctx, task, "proposed", f"{when(due, ctx.me.tz)} {cmd.note}".strip())
    requester = ctx.people([task.requester_id])[task.requester_id]
    ctx.notify(task.requester_id, "proposal", f"{ctx.me.mention} proposes {when(due, requester.tz, ctx.now)} "
               f"for {task.ref} {task.title} (was {when(task.due, requester.tz, ctx.now)}).{note}",
               task, settle_actions(task, requester.tz))
    return f"Proposed {when(due, ctx.me.tz, ctx.now)} for {task.ref}. I'll tell you when it's answered."


def split_when(ctx: Context, text: str, note: str) -> tuple[Due, str]:
    """"next friday Need the numbers first" -> (next Friday, "Need the numbers first")."""
    words = text.split()
    for cut in range(min(len(words), 6), 0, -1):
        try:
            due = parse_when(" ".join(words[:cut]), now=ctx.now, tz=ctx.me.tz, lang=ctx.me.lang)
        except InvalidInput:
            continue
        return due, " ".join([*words[cut:], note]).strip()
    return parse_when(text, now=ctx.now, tz=ctx.me.tz, lang=ctx.me.lang), note


def decline_task(cmd: DeclineTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.ANSWER)
    if not task.is_request:
        raise Conflict(f"{task.ref} is your own task: cancel it with /task cancel {task.ref}")
    if not cmd.reason.strip():
        raise InvalidInput(f"Please give a reason, so the requester knows what to do next: "
                           f"/task decline {task.ref} I'm out that week")
    negotiation.owner_declines(task)
    _save(ctx, task, "declined", cmd.reason.strip())
    ctx.notify(task.requester_id, "declined", f"{ctx.me.mention} declined {task.ref} {task.title}: "
               f"{cmd.reason.strip()}. Give it to someone else with /task assign {task.ref} @name, "
               f"or cancel it with /task cancel {task.ref}.", task)
    return f"Declined {task.ref}. I've told the requester why."


def _save(ctx: Context, task: Task, verb: str, detail: str) -> None:
    ctx.touch(task)
    ctx.log(task, verb, detail)
