"""Editing a task's fields, its owner and its due date; watchers and comments."""
from __future__ import annotations

from core.actions import answer_actions
from core.activity import Comment
from core.commands import AssignTask, CommentOnTask, EditTask, SetDue, SetVisibility, WatchTask
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.handlers.create import project_for
from core.handlers.past import is_past, past_question
from core.handlers.sharing import set_visibility
from core.i18n import _
from core.language.effort import HOW, estimate_words, read_estimate
from core.negotiation import opening_agreement
from core.outcome import Reply
from core.permissions import Act
from core.tasks import NOTES_LIMIT, Agreement, Priority, Task, clean_title, parse_ref
from core.wording import due_phrase, logged, when

EDITABLE = ("title", "notes", "priority", "project", "labels", "parent", "effort", "private", "public")


def edit_task(cmd: EditTask, ctx: Context) -> str:
    field, value = cmd.field.lower(), cmd.value.strip()
    if field in ("private", "public"):
        return set_visibility(SetVisibility(cmd.number, field), ctx)
    task = ctx.task(cmd.number, Act.EDIT)
    if field not in EDITABLE:
        raise InvalidInput(_("I can edit {fields}. Example: /task edit {ref} title New title",
                             fields=", ".join(EDITABLE), ref=task.ref))
    _apply_edit(ctx, task, field, value)
    ctx.touch(task)
    ctx.log(task, "edited", f"{field}: {value}")
    if field == "effort":
        if task.effort_minutes is None:
            return _("Updated {ref}: effort estimate cleared.", ref=task.ref)
        return _("Updated {ref}: effort estimated at {effort}.", ref=task.ref,
                 effort=estimate_words(task.effort_minutes))
    if value:
        return _("Updated {ref}: {field} set.", ref=task.ref, field=field)
    return _("Updated {ref}: {field} cleared.", ref=task.ref, field=field)


def _apply_edit(ctx: Context, task: Task, field: str, value: str) -> None:
    if field == "title":
        task.title = clean_title(value)
    elif field == "notes":
        if len(value) > NOTES_LIMIT:
            raise InvalidInput(_("Notes are limited to {limit} characters; add a comment for more.", limit=NOTES_LIMIT))
        task.notes = value
    elif field == "priority":
        task.priority = _priority(value)
    elif field == "project":
        project, _made = project_for(ctx, value.lstrip("#") or None)
        task.project_id = project.id if project else None
    elif field == "effort":
        task.effort_minutes = _effort(ctx, task, value)
    elif field == "parent":
        task.parent_id = _parent(ctx, task, value)
        parent = ctx.uow.tasks.get_by_id(task.parent_id) if task.parent_id else None
        if parent is not None and parent.project_id is not None:
            task.project_id = parent.project_id  # a subtask joins its parent's project
    else:
        task.labels = tuple(sorted({w.lstrip("+").lower() for w in value.split() if w.lstrip("+")}))


def _effort(ctx: Context, task: Task, value: str) -> int | None:
    """The work estimated: "~3h", "~1.5d" (a day is the speaker's working day); "clear" or "none" removes it."""
    if value.lower() in ("", "clear", "none"):
        return None
    minutes = read_estimate(value if value.startswith("~") else f"~{value}", ctx.workday)
    if minutes is None:
        raise InvalidInput(_("I couldn't read '{value}' as an estimate. {how} Example: /task edit {ref} effort ~3h "
                             "(or: effort clear)", value=value[:20], how=_(HOW), ref=task.ref))
    return minutes


def _parent(ctx: Context, task: Task, value: str) -> int | None:
    """The task this one is a subtask of; "none" detaches it."""
    if value.lower() in ("", "none"):
        return None
    parent = ctx.task(parse_ref(value))
    if parent.id == task.id or parent.parent_id == task.id:
        raise InvalidInput(_("{ref} can't be a subtask of {parent}: that would make a loop.", ref=task.ref,
                             parent=parent.ref))
    return parent.id


def _priority(value: str) -> Priority:
    aliases = {"p1": "urgent", "p2": "high", "p3": "normal", "p4": "low"}
    word = aliases.get(value.lower().lstrip("!"), value.lower().lstrip("!"))
    try:
        return Priority(word)
    except ValueError:
        raise InvalidInput(_("Priority is one of urgent, high, normal, low (or p1–p4).")) from None


def assign_task(cmd: AssignTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.EDIT)
    new_owner = ctx.person_named(cmd.assignee)
    if new_owner.id == task.owner_id:
        raise Conflict(_("{who} already owns {ref}.", who=new_owner.mention, ref=task.ref))
    previous = task.owner_id
    task.owner_id, task.proposed_due = new_owner.id or 0, None
    task.agreement = opening_agreement(task)
    ctx.touch(task)
    ctx.log(task, "reassigned", f"to {new_owner.mention}")
    if task.agreement is Agreement.REQUESTED:
        ctx.notify(new_owner.id or 0, "request", _("{who} asks you: {ref} {title} ({due}).", who=ctx.me.mention,
                                                   ref=task.ref, title=task.title,
                                                   due=due_phrase(task.due, new_owner.tz, ctx.now)),
                   task, answer_actions(task))
    note = _("{who} gave {ref} {title} to {owner}.", who=ctx.me.mention, ref=task.ref, title=task.title,
             owner=new_owner.mention)
    for person_id in {previous, task.requester_id} - {new_owner.id}:
        ctx.notify(person_id or 0, "reassigned", note, task)
    return _("{ref} now belongs to {owner}.", ref=task.ref, owner=new_owner.mention)


def set_due(cmd: SetDue, ctx: Context) -> Reply | str:
    task = ctx.task(cmd.number, Act.EDIT)
    due = ctx.read_when(cmd.when)
    if task.is_request and ctx.me.id == task.owner_id:
        raise Conflict(_("{ref} was asked of you: propose the new date instead, e.g. /task propose {ref} {when}",
                         ref=task.ref, when=cmd.when))
    if is_past(due, ctx.now):
        return past_question(ctx, due, lambda when: f"/task due {task.ref} {when}")
    task.due, task.proposed_due = due, None
    if task.is_request:  # the owner answers again, to the new date, on a card that shows it
        task.agreement = Agreement.REQUESTED
        owner = ctx.people([task.owner_id])[task.owner_id]
        ctx.notify(task.owner_id, "request", _("{who} moved {ref} {title} to {date}. Accept, accept with your own "
                                               "date, or decline.", who=ctx.me.mention, ref=task.ref,
                                               title=task.title, date=when(due, owner.tz, ctx.now)),
                   task, answer_actions(task))
    ctx.touch(task)
    ctx.log(task, "due", logged(due))
    return _("{ref} is now due {date}.", ref=task.ref, date=when(due, ctx.me.tz, ctx.now))


def comment_on_task(cmd: CommentOnTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.COMMENT)
    text = cmd.text.strip()
    if not text:
        raise InvalidInput(_("Say something: /task comment {ref} The draft is in the shared folder", ref=task.ref))
    if len(text) > NOTES_LIMIT:
        raise InvalidInput(_("Comments are limited to {limit} characters.", limit=NOTES_LIMIT))
    ctx.uow.comments.add(Comment(task.id or 0, ctx.me.id or 0, text, ctx.now))
    ctx.log(task, "commented", text[:80])
    for person_id in sorted(task.participants()):
        ctx.notify(person_id, "comment", _("{who} on {ref} {title}: {text}", who=ctx.me.mention, ref=task.ref,
                                           title=task.title, text=text), task)
    return _("Comment added to {ref}.", ref=task.ref)


def watch_task(cmd: WatchTask, ctx: Context) -> str:
    task = ctx.task(cmd.number, Act.WATCH)
    me = ctx.me.id or 0
    if cmd.watch == (me in task.watchers):
        if cmd.watch:
            return _("You are already watching {ref}.", ref=task.ref)
        return _("You are not watching {ref}.", ref=task.ref)
    task.watchers = task.watchers | {me} if cmd.watch else task.watchers - {me}
    ctx.touch(task)
    ctx.log(task, "watching" if cmd.watch else "unwatched")
    if cmd.watch:
        return _("Watching {ref}: you'll hear about changes.", ref=task.ref)
    return _("Stopped watching {ref}.", ref=task.ref)
