"""A DM to Tandem in plain words: questions are answered, a change to a task named by its reference is made at
once (with Undo), and a change to a task only implied ("that", "it", nothing) is shown on a card to confirm."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from core import commands as c
from core import i18n
from core.actions import version_of
from core.commands import Converse, DraftRequest, ListTasks, ShowTask
from core.errors import InvalidInput
from core.handlers import adding, editing, lifecycle, lists, negotiate, scheduling, views
from core.handlers.context import Context
from core.handlers.create import read
from core.handlers.past import wire
from core.language.dm import DmReading, Intent, read_dm
from core.outcome import Action, Reply
from core.ports import TaskQuery
from core.tasks import Agreement, Task
from core.wording import at, task_line, when

HINT = i18n.N_("In a DM you can ask me what's on your plate, say done with T-3, move T-4 to Monday, "
               "snooze that 2 hours, or answer a request with yes, by Thursday. Ask someone with: @alice send the "
               "report by Friday. /task help lists every command.")
NOTHING = i18n.N_("I don't see an open task of yours that this could be about. Name it, e.g. done with T-3.")
WHICH = i18n.N_("Which task do you mean? Choose one, or name it, e.g. done with T-3.")
CHOICES = 5
RUN: dict[type[c.TaskCommand], Callable[[Any, Context], Reply | str]] = {
    c.CompleteTask: lifecycle.complete_task, c.SetDue: editing.set_due, c.SnoozeTask: scheduling.snooze_task,
    c.AcceptTask: negotiate.accept_task, c.DeclineTask: negotiate.decline_task,
    c.CancelTask: lifecycle.cancel_task}


def converse(cmd: Converse, ctx: Context) -> Reply | str:
    reading = read_dm(cmd.text)
    if reading.intent is Intent.OTHER:
        return _request(ctx, cmd.text)
    if reading.intent is Intent.PLATE:
        return lists.list_tasks(ListTasks(), ctx)
    candidates, sure = _candidates(ctx, reading)
    if not candidates:
        return Reply(i18n._(NOTHING))
    if len(candidates) > 1:
        return _which(ctx, reading, candidates)
    task = candidates[0]
    ctx.uow.chat.set_focus(ctx.me.id or 0, task.id or 0, ctx.now)
    if reading.intent is Intent.SHOW:
        return views.show_task(ShowTask(task.number), ctx)
    command, line, question = _command(ctx, reading, task)
    if sure and reading.intent is not Intent.CANCEL:
        return _run(ctx, command, task)
    return Reply(question, ctx.card(task), (
        Action(line.split()[1], i18n._("Confirm"), line, "primary", version_of(task)),
        Action("show", i18n._("Cancel"), f"/task show {task.ref}"),
    ))


def _request(ctx: Context, text: str) -> Reply:
    """Words that are none of the DM phrases: a request shown back on a card, or how to talk to me."""
    reading = read(ctx, text)
    if not reading.is_request or not reading.title.strip():
        return Reply(i18n._(HINT))
    return adding.draft_request(DraftRequest(text, privately=True), ctx)


def _candidates(ctx: Context, reading: DmReading) -> tuple[list[Task], bool]:
    """The tasks the DM may be about, and whether it is unambiguous: named, or the only request to answer."""
    if reading.number is not None:
        return [ctx.task(reading.number)], True
    fitting = _fitting(ctx, reading)
    focus = ctx.uow.chat.focus(ctx.me.id or 0)
    focused = [t for t in fitting if t.id == focus]
    if focused:
        return focused, False
    answering = reading.intent in (Intent.ACCEPT, Intent.DECLINE)
    return fitting[:CHOICES], answering and len(fitting) == 1


def _fitting(ctx: Context, reading: DmReading) -> list[Task]:
    """The speaker's open tasks this intent could apply to, newest first."""
    base = TaskQuery(workspace_id=ctx.workspace.id or 0, viewer=ctx.me, limit=50)
    if reading.intent in (Intent.ACCEPT, Intent.DECLINE):
        found = ctx.uow.tasks.query(replace(base, owner_id=ctx.me.id, agreements=(Agreement.REQUESTED,)))
        if reading.intent is Intent.ACCEPT:
            found += ctx.uow.tasks.query(replace(base, requester_id=ctx.me.id, exclude_owner_id=ctx.me.id,
                                                 agreements=(Agreement.PROPOSED,)))
    else:
        found = ctx.uow.tasks.query(replace(base, owner_id=ctx.me.id))
        if reading.intent in (Intent.CANCEL, Intent.MOVE, Intent.SHOW):
            found += ctx.uow.tasks.query(replace(base, requester_id=ctx.me.id, exclude_owner_id=ctx.me.id))
    return sorted(found, key=lambda t: (t.updated_at, t.id or 0), reverse=True)


def _which(ctx: Context, reading: DmReading, tasks: list[Task]) -> Reply:
    people = ctx.people({p for t in tasks for p in (t.owner_id, t.requester_id)})
    lines = [task_line(t, people, ctx.me, ctx.now) for t in tasks]
    actions = []
    for task in tasks:
        _, line, _ = _command(ctx, reading, task)
        actions.append(Action(line.split()[1], f"{task.ref} {task.title[:40]}", line, "default", version_of(task)))
    return Reply(i18n.joined([i18n._(WHICH), *lines], "\n"), actions=tuple(actions))


def _command(ctx: Context, reading: DmReading, task: Task) -> tuple[c.TaskCommand, str, str]:
    """The command the DM means for `task`, its strict `/task …` line, and the question that confirms it."""
    ref, title, n = task.ref, task.title, task.number
    if reading.intent is Intent.DONE:
        return (c.CompleteTask(n, reading.note), f"/task done {ref} {reading.note}".strip(),
                i18n._("Mark {ref} {title} as done?", ref=ref, title=title))
    if reading.intent is Intent.MOVE:
        due = ctx.read_when(reading.when)
        on = wire(due, ctx.me.tz)
        return c.SetDue(n, on), f"/task due {ref} {on}", i18n._(
            "Move {ref} {title} to {date}?", ref=ref, title=title, date=when(due, ctx.me.tz, ctx.now))
    if reading.intent is Intent.SNOOZE:
        if not reading.when:
            raise InvalidInput(i18n._(
                "Until when? For example: snooze {ref} 2 hours, or snooze that until tomorrow 9am.", ref=ref))
        until = ctx.read_when(reading.when).deadline()
        on = f"{until.astimezone(ZoneInfo(ctx.me.tz)):%Y-%m-%d %H:%M}"
        question = i18n._("Snooze {ref} {title} until {time}?", ref=ref, title=title,
                          time=at(until, ctx.me.tz, ctx.now))
        return c.SnoozeTask(n, on), f"/task snooze {ref} {on}", question
    if reading.intent is Intent.ACCEPT:
        return _accept(ctx, reading, task)
    if reading.intent is Intent.DECLINE:
        if not reading.note:
            raise InvalidInput(i18n._(
                "Tell me why, so the requester of {ref} knows what to do next: no, I'm out that week.", ref=ref))
        return (c.DeclineTask(n, reading.note), f"/task decline {ref} {reading.note}",
                i18n._("Decline {ref} {title}, saying: {note}?", ref=ref, title=title, note=reading.note))
    return (c.CancelTask(n, reading.note), f"/task cancel {ref} {reading.note}".strip(),
            i18n._("Cancel {ref} {title}? You can reopen it later.", ref=ref, title=title))


def _accept(ctx: Context, reading: DmReading, task: Task) -> tuple[c.TaskCommand, str, str]:
    ref, title = task.ref, task.title
    if not reading.when or ctx.me.id == task.requester_id:
        return c.AcceptTask(task.number), f"/task accept {ref}", i18n._("Accept {ref} {title}?", ref=ref, title=title)
    due, note = negotiate.split_when(ctx, reading.when, "")
    said = f"{wire(due, ctx.me.tz)} {note}".strip()
    return (c.AcceptTask(task.number, said), f"/task accept {ref} {said}",
            i18n._("Accept {ref} {title}, due {date}?", ref=ref, title=title, date=when(due, ctx.me.tz, ctx.now)))


def _run(ctx: Context, command: c.TaskCommand, task: Task) -> Reply:
    """A change the DM made plain: made now, with Undo where a step back exists."""
    undo = _undo(task, command, ctx.me.tz)
    done = RUN[type(command)](command, ctx)
    reply = Reply(done) if isinstance(done, str) else done
    return replace(reply, actions=reply.actions or undo) if undo else reply


def _undo(task: Task, command: c.TaskCommand, tz: str) -> tuple[Action, ...]:
    if isinstance(command, c.CompleteTask):
        return (Action("reopen", i18n._("Undo"), f"/task reopen {task.ref}"),)
    if isinstance(command, c.SetDue) and task.due is not None:
        return (Action("due", i18n._("Undo"), f"/task due {task.ref} {wire(task.due, tz)}"),)
    return ()
