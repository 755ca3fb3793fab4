"""Completing, reopening, cancelling and undoing tasks; the people involved are told."""
from __future__ import annotations

from core.commands import CancelTask, CompleteTask, ReopenTask, SetStatus, UndoAdd
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.handlers.subtasks import subtasks_question
from core.i18n import _, joined
from core.outcome import Reply
from core.permissions import Act, require
from core.ports import TaskQuery
from core.schedule.instances import next_instance
from core.tasks import RepeatMode, Status, Task
from core.wording import status_word, when

SETTABLE = {"open": Status.OPEN, "start": Status.IN_PROGRESS, "started": Status.IN_PROGRESS,
            "in progress": Status.IN_PROGRESS, "progress": Status.IN_PROGRESS, "blocked": Status.BLOCKED,
            "block": Status.BLOCKED}


def complete_task(cmd: CompleteTask, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.status is Status.DONE:
        raise Conflict(_("{ref} is already done.", ref=task.ref))
    note = cmd.note.strip()
    open_subtasks = ctx.uow.tasks.query(TaskQuery(ctx.workspace.id or 0, ctx.me, parent_id=task.id))
    if open_subtasks and cmd.subtasks not in ("all", "keep"):
        return subtasks_question(task, open_subtasks, note)
    _complete(ctx, task, note)
    upcoming = _next_round(ctx, task) if task.repeat_mode is RepeatMode.ON_DONE else None
    said = [_("Done: {ref} {title}. Nice work.", ref=task.ref, title=task.title)]
    if upcoming:
        said.append(_("Next round: {ref}, due {date}.", ref=upcoming.ref,
                      date=when(upcoming.due, ctx.me.tz, ctx.now)))
    refs = ", ".join(t.ref for t in open_subtasks)
    if open_subtasks and cmd.subtasks == "all":
        for subtask in open_subtasks:
            require(ctx.me, Act.EDIT, subtask)
            _complete(ctx, subtask, f"with {task.ref}")
        said.append(_("Its subtasks {refs} are done too.", refs=refs))
    elif open_subtasks:
        said.append(_("Its subtasks {refs} stay open.", refs=refs))
    return joined(said, " ")


def _complete(ctx: Context, task: Task, note: str) -> None:
    _close(ctx, task, Status.DONE, "completed", note)
    _tell_others(ctx, task, "done", _noted(_("{who} completed {ref} {title}.", who=ctx.me.mention, ref=task.ref,
                                              title=task.title), _("Note: {text}", text=note) if note else ""))


def _next_round(ctx: Context, task: Task) -> Task | None:
    """A recurring duty done: its next instance, planned, and asked of its next owner."""
    made = next_instance(ctx.uow, task, ctx.now)
    if made is None:
        return None
    fresh, notices = made
    ctx.plan(fresh)
    ctx.uow.tasks.save(fresh)
    readers = ctx.people(n.recipient_id for n in notices)
    ctx.notices.extend(n.said_in(readers[n.recipient_id].lang) if n.recipient_id in readers else n
                       for n in notices if n.recipient_id != ctx.me.id)

    return fresh


def reopen_task(cmd: ReopenTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.is_open:
        raise Conflict(_("{ref} is already open.", ref=task.ref))
    reason = cmd.reason.strip()
    task.status, task.completed_at = Status.OPEN, None
    ctx.touch(task)
    ctx.log(task, "reopened", reason)
    _tell_others(ctx, task, "reopened", _noted(_("{who} reopened {ref} {title}.", who=ctx.me.mention, ref=task.ref,
                                                  title=task.title), _reason(reason)))
    return _("Reopened {ref} {title}.", ref=task.ref, title=task.title)


def cancel_task(cmd: CancelTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.status is Status.CANCELLED:
        raise Conflict(_("{ref} is already cancelled.", ref=task.ref))
    reason = cmd.reason.strip()
    _close(ctx, task, Status.CANCELLED, "cancelled", reason)
    _tell_others(ctx, task, "cancelled", _noted(_("{who} cancelled {ref} {title}.", who=ctx.me.mention,
                                                   ref=task.ref, title=task.title), _reason(reason)))
    return _("Cancelled {ref} {title}.", ref=task.ref, title=task.title)


def undo_add(cmd: UndoAdd, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.requester_id != ctx.me.id or not task.is_open:
        raise Conflict(_("{ref} can't be undone any more. Cancel it with /task cancel {ref}.", ref=task.ref))
    _close(ctx, task, Status.CANCELLED, "undone")
    _tell_others(ctx, task, "cancelled", _("{who} withdrew {ref} {title}. Nothing to do.", who=ctx.me.mention,
                                           ref=task.ref, title=task.title))
    return _("Undone: {ref} {title} is withdrawn.", ref=task.ref, title=task.title)


def set_status(cmd: SetStatus, ctx: Context) -> str:
    status = SETTABLE.get(cmd.status.lower())
    if status is None:
        raise InvalidInput(_("Status can be: open, start (in progress) or blocked. Use /task done to finish."))
    task = ctx.task(cmd.number, Act.EDIT)
    if not task.is_open:
        raise Conflict(_("{ref} is {status}. Reopen it first with /task reopen {ref}.", ref=task.ref,
                         status=status_word(task.status)))
    task.status = status
    ctx.touch(task)
    ctx.log(task, "status", str(status))
    _tell_others(ctx, task, "status", _("{who} marked {ref} {title} as {status}.", who=ctx.me.mention, ref=task.ref,
                                        title=task.title, status=status_word(status)))
    return _("{ref} is now {status}.", ref=task.ref, status=status_word(status))


def _close(ctx: Context, task: Task, status: Status, verb: str, detail: str = "") -> None:
    task.status = status
    task.completed_at = ctx.now if status is Status.DONE else None
    ctx.touch(task)
    ctx.log(task, verb, detail)


def _reason(reason: str) -> str:
    return _("Reason: {text}", text=reason) if reason else ""


def _noted(sentence: str, note: str) -> str:
    """A sentence, and the note or reason given with it (when there is one)."""
    return joined([sentence, note], " ") if note else sentence


def _tell_others(ctx: Context, task: Task, kind: str, text: str) -> None:
    for person_id in sorted(task.participants()):
        ctx.notify(person_id, kind, text, task)
