"""Follow-through: a task asked in a thread or from a message hears back there, in one short line per answer,
and its card there shows the task as it is now. Only where everyone in that conversation may see the task."""
from __future__ import annotations

from dataclasses import replace
from uuid import uuid4

from core.actions import actions_for
from core.chat import ChatSettings
from core.commands import SetThreadUpdates
from core.errors import InvalidInput, NotAllowed
from core.handlers.context import Context
from core.i18n import _
from core.membership import everyone_there_sees
from core.outcome import Notice
from core.tasks import Task
from core.wording import when

ANSWERS = ("accepted,", "committed to", "agreed to", "declined", "completed", "cancelled", "undone")
ON_OFF = {"on": True, "off": False, "yes": True, "no": False, "true": True, "false": False}


def set_thread_updates(cmd: SetThreadUpdates, ctx: Context) -> str:
    """Turn follow-through in threads on or off for the whole workspace (admins only)."""
    if not ctx.me.is_admin or ctx.me.is_limited:
        raise NotAllowed(_("Only a workspace admin can change whether task answers are posted in their threads."))
    on = ON_OFF.get(cmd.value.strip().lower())
    if on is None:
        raise InvalidInput(_("Say on or off: /task settings thread-updates off"))
    ctx.uow.chat.save_settings(ChatSettings(ctx.workspace.id or 0, on))
    if on:
        return _("Thread updates are on: answers to a task are posted in the thread it was asked in.")
    return _("Thread updates are off: answers to tasks go only to the people involved.")


def thread_notices(ctx: Context, on_by_default: bool = True) -> list[Notice]:
    """One line per answer given to a task asked in a thread, plus an edit of each card posted there; unless the
    workspace turned it off (or never turned it on, when app.yaml's default is off)."""
    answered = [(task, verb, detail) for task, verb, detail in ctx.logged if verb in ANSWERS]
    refreshed = [t for t in ctx.touched.values() if t.origin is not None]
    if not (answered or refreshed):
        return []
    settings = ctx.uow.chat.settings(ctx.workspace.id or 0)
    if not (settings.thread_updates if settings is not None else on_by_default):
        return []
    notices = [_line(ctx, task, verb, detail) for task, verb, detail in answered if _heard_there(ctx, task)]
    edited = {(n.conversation, n.edit) for n in ctx.notices if n.edit}  # e.g. a claim's own "@bob took it"
    for task in refreshed:
        notices.extend(n for n in _card_edits(ctx, task) if (n.conversation, n.edit) not in edited)
    return notices


def _heard_there(ctx: Context, task: Task) -> bool:
    origin = task.origin
    return (origin is not None and bool(origin.message)
            and everyone_there_sees(ctx.uow, task, origin.conversation, ctx.me))


def _line(ctx: Context, task: Task, verb: str, detail: str) -> Notice:
    assert task.origin is not None
    return Notice(0, "thread", answer_line(ctx, task, verb, detail), task.id,
                  dedupe_key=f"thread:{task.id}:{uuid4().hex}", conversation=task.origin.conversation,
                  thread=task.origin.message)


def answer_line(ctx: Context, task: Task, verb: str, detail: str) -> str:
    """The short line a thread reads: who answered what, with the date, the reason or the note."""
    said = {"who": ctx.me.mention, "ref": task.ref, "title": task.title, "detail": detail}
    due = when(task.due, ctx.workspace.default_tz, ctx.now)
    if verb in ("accepted,", "committed to"):
        return _("{who} accepted {ref} {title}, due {due}.", due=due, **said)
    if verb == "agreed to":
        return _("{who} agreed to the proposed date for {ref} {title}: due {due}.", due=due, **said)
    if verb == "declined":
        return _("{who} declined {ref} {title}: {detail}.", **said)
    if verb == "completed":
        if detail:
            return _("{who} completed {ref} {title}. Note: {detail}", **said)
        return _("{who} completed {ref} {title}.", **said)
    if detail:
        return _("{who} cancelled {ref} {title}. Reason: {detail}", **said)
    return _("{who} cancelled {ref} {title}.", **said)


def _card_edits(ctx: Context, task: Task) -> list[Notice]:
    """Cards shown to a conversation (no single reader), edited in place where everyone there may see the task."""
    cards = [c for c in ctx.uow.cards.for_task(task.id or 0) if c.recipient_id is None]
    if not cards:
        return []
    reader = replace(ctx.me, id=None, tz=ctx.workspace.default_tz)  # the conversation: nobody in particular
    edits = []
    for card in cards:
        if not everyone_there_sees(ctx.uow, task, card.channel, ctx.me):
            continue
        edits.append(Notice(0, "card", f"{task.ref} {task.title}", task.id, ctx.card(task, reader),
                            actions_for(task, None, reader.tz), dedupe_key=f"card:{card.id}:{uuid4().hex}",
                            conversation=card.channel, edit=card.message))
    return edits
