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
from core.i18n import _, joined
from core.language import parse_when
from core.outcome import Reply
from core.permissions import Act
from core.tasks import Agreement, Task
from core.validation.dates import check_due, refuse_negative_duration
from core.wording import logged, when


def accept_task(cmd: AcceptTask, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number)
    if not task.is_request:
        raise Conflict(_("{ref} is your own task; there is nothing to accept.", ref=task.ref))
    if ctx.me.id == task.requester_id:
        if cmd.when.strip():
            raise InvalidInput(_("To answer with another date, propose it: /task propose {ref} {when}", ref=task.ref,
                                 when=cmd.when.strip()))
        if task.agreement is Agreement.PROPOSED:
            return _requester_accepts(ctx, task)
        raise Conflict(_("{ref} is waiting for its owner's answer, not yours.", ref=task.ref))
    ctx.task(cmd.number, Act.ANSWER)
    if not cmd.when.strip():
        if task.due is None:
            raise InvalidInput(_("By when can you do it? Answer with your date: /task accept {ref} next friday",
                                 ref=task.ref))
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
    named = {"who": ctx.me.mention, "ref": task.ref, "title": task.title, "date": when(due, requester.tz, ctx.now)}
    told = (_("{who} committed to {ref} {title}, due {date}.", **named) if own
            else _("{who} accepted {ref} {title}, due {date}.", **named))
    ctx.notify(task.requester_id, "agreed", _noted(told, note), task)
    return _("You committed to {ref} {title}, due {date}.", ref=task.ref, title=task.title,
             date=when(due, ctx.me.tz, ctx.now))


def _requester_accepts(ctx: Context, task: Task) -> str:
    negotiation.requester_accepts(task)
    _save(ctx, task, "agreed to", logged(task.due))
    owner = ctx.people([task.owner_id])[task.owner_id]
    ctx.notify(task.owner_id, "agreed", _("{who} accepted your date for {ref} {title}: due {date}. It's agreed.",
                                          who=ctx.me.mention, ref=task.ref, title=task.title,
                                          date=when(task.due, owner.tz, ctx.now)), task, work_actions(task))
    return _("Agreed: {ref} {title} is due {date}.", ref=task.ref, title=task.title,
             date=when(task.due, ctx.me.tz, ctx.now))


def propose_due(cmd: ProposeDue, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number)
    if not cmd.when.strip():
        raise InvalidInput(_("Say which date: /task propose {ref} next friday Need the numbers first", ref=task.ref))
    due, note = split_when(ctx, cmd.when, cmd.note)
    if is_past(due, ctx.now):
        return past_question(ctx, due, lambda when: f"/task propose {task.ref} {when} {note}".strip())
    if ctx.me.id == task.requester_id and task.agreement is Agreement.PROPOSED:
        negotiation.requester_counters(task, due)
        _save(ctx, task, "countered with", f"{logged(due)} {note}".strip())
        owner = ctx.people([task.owner_id])[task.owner_id]
        ctx.notify(task.owner_id, "countered", _noted(_("{who} suggests {date} for {ref} {title} instead.",
                                                        who=ctx.me.mention, date=when(due, owner.tz, ctx.now),
                                                        ref=task.ref, title=task.title), note),
                   task, answer_actions(task))
        return _("Sent {date} back to the owner of {ref}.", date=when(due, ctx.me.tz, ctx.now), ref=task.ref)
    ctx.task(cmd.number, Act.ANSWER)
    if not task.is_request:
        raise Conflict(_("{ref} is your own task: change the date with /task due {ref} {when}", ref=task.ref,
                         when=cmd.when))
    if task.due is None and task.agreement is not Agreement.PROPOSED:
        return _owner_commits(ctx, task, due, note)
    return _owner_proposes(ctx, task, due, note)


def _owner_proposes(ctx: Context, task: Task, due: Due, note: str) -> Reply:
    """Another date than the one asked: a proposal the requester settles."""
    asked = task.due
    negotiation.owner_proposes(task, due)
    _save(ctx, task, "proposed", f"{logged(due)} {note}".strip())
    requester = ctx.people([task.requester_id])[task.requester_id]
    ctx.notify(task.requester_id, "proposal", _noted(_("{who} proposes {date} for {ref} {title} (was {asked}).",
                                                       who=ctx.me.mention, date=when(due, requester.tz, ctx.now),
                                                       ref=task.ref, title=task.title,
                                                       asked=when(asked, requester.tz, ctx.now)), note),
               task, settle_actions(task, requester.tz))
    return Reply(_("Proposed {date} for {ref} (asked: {asked}). I'll tell you when it's answered.",
                   date=when(due, ctx.me.tz, ctx.now), ref=task.ref, asked=when(asked, ctx.me.tz, ctx.now)),
                 verb="propose")


def _noted(sentence: str, note: str) -> str:
    """A sentence and the note given with it, when there is one."""
    return joined([sentence, _("Note: {text}", text=note)], " ") if note else sentence


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
        raise Conflict(_("{ref} is your own task: cancel it with /task cancel {ref}", ref=task.ref))
    if not cmd.reason.strip():
        raise InvalidInput(_("Please give a reason, so the requester knows what to do next: "
                             "/task decline {ref} I'm out that week", ref=task.ref))
    negotiation.owner_declines(task)
    _save(ctx, task, "declined", cmd.reason.strip())
    ctx.notify(task.requester_id, "declined", _("{who} declined {ref} {title}: {reason}. Give it to someone else "
                                                "with /task assign {ref} @name, or cancel it with /task cancel {ref}.",
                                                who=ctx.me.mention, ref=task.ref, title=task.title,
                                                reason=cmd.reason.strip()), task)
    return _("Declined {ref}. I've told the requester why.", ref=task.ref)


def _save(ctx: Context, task: Task, verb: str, detail: str) -> None:
    ctx.touch(task)
    ctx.log(task, verb, detail)
