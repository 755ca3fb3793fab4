"""A ✅ on a task's card by its owner marks the task done; cards shown to a conversation are remembered."""
from __future__ import annotations

from dataclasses import replace

from core.cards import PostedCard
from core.commands import CompleteTask, ReactDone, RememberCard
from core.errors import DomainError
from core.handlers.context import Context
from core.handlers.lifecycle import complete_task
from core.i18n import _
from core.outcome import Action, Reply

IGNORED = Reply("", verb="ignored")  # a reaction that means nothing to Tandem gets no answer at all


def react_done(cmd: ReactDone, ctx: Context) -> Reply:
    """Done, with Undo, when the message shows a task the reacting person owns and it is still open."""
    card = ctx.uow.cards.at_message(cmd.platform, cmd.channel, cmd.message)
    task = ctx.uow.tasks.get_by_id(card.task_id) if card is not None else None
    if task is None or task.workspace_id != ctx.workspace.id or task.owner_id != ctx.me.id or not task.is_open:
        return IGNORED
    try:
        done = complete_task(CompleteTask(task.number, "", "keep"), ctx)
    except DomainError:
        return IGNORED
    reply = Reply(done) if isinstance(done, str) else done
    return replace(reply, actions=(Action("reopen", _("Undo"), f"/task reopen {task.ref}"),), verb="done")


def remember_card(cmd: RememberCard, ctx: Context) -> Reply:
    task = ctx.task(cmd.number)
    ctx.uow.cards.add(PostedCard(task.id or 0, None, cmd.platform, cmd.channel, cmd.message, ctx.now))
    return Reply("")
