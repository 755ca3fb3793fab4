"""Suggestions as you type, and one task in full (the lists are in core.handlers.lists)."""
from __future__ import annotations

from dataclasses import replace

from core.actions import actions_for
from core.commands import ShowTask, SuggestPeople, SuggestTasks
from core.errors import InvalidInput
from core.handlers.context import Context
from core.i18n import N_, _
from core.outcome import Card, Reply
from core.ports import TaskQuery
from core.tasks import Task, parse_ref
from core.wording import at, history_text, status_word

# What the history says people did (stored in English, shown in the reader's language).
HISTORY_VERBS = (N_("accepted,"), N_("agreed to"), N_("asked"), N_("cancelled"), N_("changed who sees it"),
                 N_("claimed"), N_("commented"), N_("committed to"), N_("completed"), N_("countered with"),
                 N_("created"), N_("declined"), N_("due"), N_("edited"), N_("handed out"), N_("proposed"),
                 N_("reassigned"), N_("reopened"), N_("repeat"), N_("repeats as"), N_("repeats"), N_("requester"),
                 N_("rotates between"), N_("snoozed until"), N_("status"), N_("undone"), N_("unwatched"),
                 N_("watching"))


def suggest_tasks(cmd: SuggestTasks, ctx: Context) -> Reply:
    """Open tasks the speaker may see, as cards (title, ref): the one named by reference first, then title matches;
    with no text, what they own and what they asked of others."""
    base = TaskQuery(workspace_id=ctx.workspace.id or 0, viewer=ctx.me, limit=cmd.limit)
    text = cmd.text.strip()
    if not text:
        found = ctx.uow.tasks.query(replace(base, owner_id=ctx.me.id))
        found += ctx.uow.tasks.query(replace(base, requester_id=ctx.me.id, exclude_owner_id=ctx.me.id))
    else:
        found = _by_ref(ctx, text) + ctx.uow.tasks.query(replace(base, text=text))
    unique = list({t.id: t for t in found}.values())[:cmd.limit]
    return Reply("", cards=tuple(Card(t.title, ref=t.ref) for t in unique))


def suggest_people(cmd: SuggestPeople, ctx: Context) -> Reply:
    """People to name, as cards (display name, handle); guests get none, since they see only their own work."""
    if ctx.me.is_limited or not cmd.text.strip().lstrip("@"):
        return Reply("")
    found = ctx.uow.people.starting_with(ctx.workspace.id or 0, cmd.text, cmd.limit)
    return Reply("", cards=tuple(Card(p.display_name, ref=p.handle) for p in found))


def _by_ref(ctx: Context, text: str) -> list[Task]:
    try:
        task = ctx.uow.tasks.get(ctx.workspace.id or 0, parse_ref(text))
    except InvalidInput:
        return []
    return [task] if task is not None and task.is_open and ctx.sees(task) else []


def show_task(cmd: ShowTask, ctx: Context) -> Reply:
    task = ctx.task(cmd.number)
    lines = [f"{task.ref} {task.title}"]
    if task.notes:
        lines.append(task.notes)
    lines += _family(ctx, task)
    comments = ctx.uow.comments.for_task(task.id or 0)
    history = ctx.uow.activity.for_task(task.id or 0)
    people = ctx.people({*task.participants(), *(c.author_id for c in comments),
                         *(e.actor_id for e in history if e.actor_id is not None)})
    tz = ctx.me.tz
    for comment in comments:
        author = people.get(comment.author_id)
        lines.append(f"  {at(comment.at, tz, ctx.now)} {author.mention if author else '?'}: {comment.text}")
    lines.append(_("History:"))
    for entry in history:
        actor = people.get(entry.actor_id) if entry.actor_id is not None else None
        who = actor.mention if actor else "Tandem"
        detail = history_text(entry.detail, tz, ctx.now)
        lines.append(f"  {at(entry.at, tz, ctx.now)} {who} {_(entry.verb)} {detail}".rstrip())
    return Reply("\n".join(lines), ctx.card(task), actions_for(task, ctx.me.id, ctx.me.tz))


def _family(ctx: Context, task: Task) -> list[str]:
    """"Part of T-3 …" and the subtasks the speaker may see."""
    lines = []
    parent = ctx.uow.tasks.get_by_id(task.parent_id) if task.parent_id else None
    if parent is not None and ctx.sees(parent):
        lines.append(_("Part of {ref} {title}", ref=parent.ref, title=parent.title))
    query = TaskQuery(ctx.workspace.id or 0, ctx.me, parent_id=task.id, open_only=False)
    lines += ["  " + _("subtask {ref} {title} ({status})", ref=sub.ref, title=sub.title, status=status_word(sub.status))
              for sub in ctx.uow.tasks.query(query)]
    return lines
