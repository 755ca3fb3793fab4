"""Accept (with the asked date or one's own), propose another date, decline: the owner's answers and the
requester's settlement."""
from __future__ import annotations

from core import negotiation
from core.actions import answer_actions, settle_actions, work_actions
from core.commands import AcceptTask, DeclineTask, ProposeDue
from core.due import Due
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.handlers.past import is_past, past_question
from core.language import parse_when
from core.outcome import Reply
from core.permissions import Act
from core.tasks import Agreement, Task
from core.validation.dates import check_due, refuse_negative_duration
from core.wording import logged, when


def accept_task(cmd: AcceptTask, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number)
    if not task.is_request:
        raise Conflict(f"{task.ref} is your own task; there is nothing to accept.")
    if ctx.me.id == task.requester_id:
        if cmd.when.strip():
            raise InvalidInput(f"To answer with another date, propose it: /task propose {task.ref} {cmd.when.strip()}")
        if task.agreement is Agreement.PROPOSED:
            return _requester_accepts(ctx, task)
        raise Conflict(f"{task.ref} is waiting for its owner's answer, not yours.")
    ctx.task(cmd.number, Act.ANSWER)
    if not cmd.when.strip():
        if task.due is None:
            raise InvalidInput(f"By when can you do it? Answer with your date: /task accept {task.ref} next friday")
        return _owner_commits(ctx, task, task.due, cmd.note)
    due, note = split_when(ctx, cmd.when, cmd.note)
    if is_past(due, ctx.now):
        return past_question(ctx, due, lambda when: f"/task accept {task.ref} {when} {note}".strip())
    if task.due is None or _same(due, task.due):
        return _owner_commits(ctx, task, due, note)
    return _owner_proposes(ctx, task, due, note)


def _same(a: Due, b: Due) -> bool:
    return a.on == b.on and a.at == b.at


def _owner_commits(ctx: Context, task: Task, due: Due, note: str) -> str:
    """The owner commits: to the asked date, or to their own when none was asked."""
    own = task.due is None
    negotiation.owner_accepts(task, due)
    _save(ctx, task, "committed to" if own else "accepted,", f"due {logged(due)} {note}".strip())
    requester = ctx.people([task.requester_id])[task.requester_id]
    said = f" Note: {note}" if note else ""
    verb = "committed to" if own else "accepted"
    ctx.notify(task.requester_id, "agreed", f"{ctx.me.mention} {verb} {task.ref} {task.title}, due "
               f"{when(due, requester.tz, ctx.now)}.{said}", task)
    return f"You committed to {task.ref} {task.title}, due {when(due, ctx.me.tz, ctx.now)}."


def _requester_accepts(ctx: Context, task: Task) -> str:
    negotiation.requester_accepts(task)
    _save(ctx, task, "agreed to", logged(task.due))
    owner = ctx.people([task.owner_id])[task.owner_id]
    ctx.notify(task.owner_id, "agreed", f"{ctx.me.mention} accepted your date for {task.ref} {task.title}: "
               f"due {when(task.due, owner.tz, ctx.now)}. It's agreed.", task, work_actions(task))
    return f"Agreed: {task.ref} {task.title} is due {when(task.due, ctx.me.tz, ctx.now)}."


def propose_due(cmd: ProposeDue, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number)
    if not cmd.when.strip():
        raise InvalidInput(f"Say which date: /task propose {task.ref} next friday Need the numbers first")
    due, note = split_when(ctx, cmd.when, cmd.note)
    if is_past(due, ctx.now):
        return past_question(ctx, due, lambda when: f"/task propose {task.ref} {when} {note}".strip())
    if ctx.me.id == task.requester_id and task.agreement is Agreement.PROPOSED:
        negotiation.requester_counters(task, due)
        _save(ctx, task, "countered with", f"{logged(due)} {note}".strip())
        owner = ctx.people([task.owner_id])[task.owner_id]
        ctx.notify(task.owner_id, "countered", f"{ctx.me.mention} suggests {when(due, owner.tz, ctx.now)} "
                   f"for {task.ref} {task.title} instead.{_note(note)}", task, answer_actions(task))
        return f"Sent {when(due, ctx.me.tz, ctx.now)} back to the owner of {task.ref}."
    ctx.task(cmd.number, Act.ANSWER)
    if not task.is_request:
        raise Conflict(f"{task.ref} is your own task: change the date with /task due {task.ref} {cmd.when}")
    if task.due is None and task.agreement is not Agreement.PROPOSED:
        return _owner_commits(ctx, task, due, note)
    return _owner_proposes(ctx, task, due, note)


def _owner_proposes(ctx: Context, task: Task, due: Due, note: str) -> Reply:
    """Another date than the one asked: a proposal the requester settles."""
    asked = task.due
    negotiation.owner_proposes(task, due)
    _save(ctx, task, "proposed", f"{logged(due)} {note}".strip())
    requester = ctx.people([task.requester_id])[task.requester_id]
    ctx.notify(task.requester_id, "proposal", f"{ctx.me.mention} proposes {when(due, requester.tz, ctx.now)} "
               f"for {task.ref} {task.title} (was {when(asked, requester.tz, ctx.now)}).{_note(note)}",
               task, settle_actions(task, requester.tz))
    return Reply(f"Proposed {when(due, ctx.me.tz, ctx.now)} for {task.ref} (asked: {when(asked, ctx.me.tz, ctx.now)})."
                 " I'll tell you when it's answered.", verb="propose")


def _note(note: str) -> str:
    return f" Note: {note}" if note else ""


def split_when(ctx: Context, text: str, note: str) -> tuple[Due, str]:
    """"next friday Need the numbers first" -> (next Friday, "Need the numbers first"), in Tandem's range."""
    refuse_negative_duration(text)
    words = text.split()
    found: tuple[Due, int] | None = None
    for cut in range(min(len(words), 6), 0, -1):
        due = _reading(ctx, " ".join(words[:cut]))
        if due is not None and (found is None or due == found[0]):
            found = due, cut  # the shortest words that read the same date: a filler word stays in the note
        elif found is not None:
            break
    if found is None:
        return ctx.read_when(text), note
    return check_due(found[0], ctx.now), " ".join([*words[found[1]:], note]).strip()


def _reading(ctx: Context, text: str) -> Due | None:
    try:
        return parse_when(text, now=ctx.now, tz=ctx.me.tz, lang=ctx.me.lang, workday=ctx.workday)
    except (InvalidInput, OverflowError, ValueError):
        return None


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
