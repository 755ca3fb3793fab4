"""Completing, reopening, cancelling and undoing tasks; the people involved are told."""
from __future__ import annotations

from core.commands import CancelTask, CompleteTask, ReopenTask, SetStatus, UndoAdd
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.handlers.subtasks import subtasks_question
from core.outcome import Reply
from core.permissions import Act, require
from core.ports import TaskQuery
from core.schedule.instances import next_instance
from core.tasks import RepeatMode, Status, Task
from core.wording import when

SETTABLE = {"open": Status.OPEN, "start": Status.IN_PROGRESS, "started": Status.IN_PROGRESS,
            "in progress": Status.IN_PROGRESS, "progress": Status.IN_PROGRESS, "blocked": Status.BLOCKED,
            "block": Status.BLOCKED}


def complete_task(cmd: CompleteTask, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.status is Status.DONE:
        raise Conflict(f"{task.ref} is already done.")
    note = cmd.note.strip()
    open_subtasks = ctx.uow.tasks.query(TaskQuery(ctx.workspace.id or 0, ctx.me, parent_id=task.id))
    if open_subtasks and cmd.subtasks not in ("all", "keep"):
        return subtasks_question(task, open_subtasks, note)
    _complete(ctx, task, note)
    upcoming = _next_round(ctx, task) if task.repeat_mode is RepeatMode.ON_DONE else None
    more = f" Next round: {upcoming.ref}, due {when(upcoming.due, ctx.me.tz, ctx.now)}." if upcoming else ""
    refs = ", ".join(t.ref for t in open_subtasks)
    if open_subtasks and cmd.subtasks == "all":
        for subtask in open_subtasks:
            require(ctx.me, Act.EDIT, subtask)
            _complete(ctx, subtask, f"with {task.ref}")
        more += f" Its subtasks {refs} are done too."
    elif open_subtasks:
        more += f" Its subtasks {refs} stay open."
    return f"Done: {task.ref} {task.title}. Nice work.{more}"


def _complete(ctx: Context, task: Task, note: str) -> None:
    _close(ctx, task, Status.DONE, "completed", note)
    _tell_others(ctx, task, "done", f"{ctx.me.mention} completed {task.ref} {task.title}.{_said('Note', note)}")


def _next_round(ctx: Context, task: Task) -> Task | None:
    """A recurring duty done: its next instance, planned, and asked of its next owner."""
    made = next_instance(ctx.uow, task, ctx.now)
    if made is None:
        return None
    fresh, notices = made
    ctx.plan(fresh)
    ctx.uow.tasks.save(fresh)
    ctx.notices.extend(n for n in notices if n.recipient_id != ctx.me.id)
    return fresh


def reopen_task(cmd: ReopenTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.is_open:
        raise Conflict(f"{task.ref} is already open.")
    reason = cmd.reason.strip()
    task.status, task.completed_at = Status.OPEN, None
    ctx.touch(task)
    ctx.log(task, "reopened", reason)
    _tell_others(ctx, task, "reopened", f"{ctx.me.mention} reopened {task.ref} {task.title}.{_said('Reason', reason)}")
    return f"Reopened {task.ref} {task.title}."


def cancel_task(cmd: CancelTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.status is Status.CANCELLED:
        raise Conflict(f"{task.ref} is already cancelled.")
    reason = cmd.reason.strip()
    _close(ctx, task, Status.CANCELLED, "cancelled", reason)
    _tell_others(ctx, task, "cancelled",
                 f"{ctx.me.mention} cancelled {task.ref} {task.title}.{_said('Reason', reason)}")
    return f"Cancelled {task.ref} {task.title}."


def undo_add(cmd: UndoAdd, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    if task.requester_id != ctx.me.id or not task.is_open:
        raise Conflict(f"{task.ref} can't be undone any more. Cancel it with /task cancel {task.ref}.")
    _close(ctx, task, Status.CANCELLED, "undone")
    _tell_others(ctx, task, "cancelled", f"{ctx.me.mention} withdrew {task.ref} {task.title}. Nothing to do.")
    return f"Undone: {task.ref} {task.title} is withdrawn."


def set_status(cmd: SetStatus, ctx: Context) -> str:
    status = SETTABLE.get(cmd.status.lower())
    if status is None:
        raise InvalidInput("Status can be: open, start (in progress) or blocked. Use /task done to finish.")
    task = ctx.task(cmd.number, Act.EDIT)
    if not task.is_open:
        raise Conflict(f"{task.ref} is {task.status}. Reopen it first with /task reopen {task.ref}.")
    task.status = status
    ctx.touch(task)
    ctx.log(task, "status", str(status))
    _tell_others(ctx, task, "status", f"{ctx.me.mention} marked {task.ref} {task.title} as {status}.")
    return f"{task.ref} is now {status}."


def _close(ctx: Context, task: Task, status: Status, verb: str, detail: str = "") -> None:
    task.status = status
    task.completed_at = ctx.now if status is Status.DONE else None
    ctx.touch(task)
    ctx.log(task, verb, detail)


def _said(label: str, text: str) -> str:
    return f" {label}: {text}" if text else ""


def _tell_others(ctx: Context, task: Task, kind: str, text: str) -> None:
    for person_id in sorted(task.participants()):
        ctx.notify(person_id, kind, text, task)
