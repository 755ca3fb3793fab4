"""Creating tasks from a reading of free text: one task per owner, requests asked to commit."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.actions import answer_actions
from core.conversations import ConversationKind
from core.errors import Conflict, InvalidInput
from core.handlers.context import Context
from core.i18n import _, speaking_to
from core.language import Reading
from core.language.effort import estimate_words
from core.negotiation import opening_agreement
from core.outcome import Action, Card
from core.people import Person
from core.permissions import sees_project
from core.projects import Project
from core.repeat_words import repeat_words
from core.report.load import load_note
from core.schedule.plan import next_project_digest
from core.tasks import Origin, Priority, Task, Visibility, clean_title
from core.validation.dates import read_request
from core.wording import due_for_both, due_phrase, logged, priority_word, when


def read(ctx: Context, text: str, said_at: datetime | None = None) -> Reading:
    """Read `text` as the speaker meant it (at `said_at`, default now), in their zone and language."""
    return read_request(text, now=said_at or ctx.now, tz=ctx.me.tz, lang=ctx.me.lang, workday=ctx.workday)


def owners_of(ctx: Context, reading: Reading) -> list[Person]:
    """The people named, resolved before anything is written; the speaker when nobody is named."""
    owners: list[Person] = []
    for name in reading.assignees:
        person = ctx.person_named(name)
        if person.id not in {p.id for p in owners}:
            owners.append(person)
    return owners or [ctx.me]


def project_for(ctx: Context, name: str | None) -> tuple[Project | None, bool]:
    """The project called `name`, made on first use; True when it was just made."""
    if not name:
        return None, False
    found = ctx.uow.projects.by_name(ctx.workspace.id or 0, name)
    if found is not None and not sees_project(ctx.me, found):
        raise name_taken(name)
    if found is not None:
        return found, False
    return new_project(ctx, name), True


def name_taken(name: str) -> Conflict:
    """The one answer for a project name in use, whether or not the speaker may see that project."""
    return Conflict(_("The project name #{name} is taken. Pick another name, e.g. #{name}-2.", name=name))


def new_project(ctx: Context, name: str, goal_id: int | None = None, private: bool = False) -> Project:
    """A project owned by the speaker, posting its weekly digest to the conversation it was made in."""
    return ctx.uow.projects.add(Project(
        ctx.workspace.id or 0, name, ctx.now, owner_id=ctx.me.id, goal_id=goal_id,
        channel=ctx.speaker.conversation, members={ctx.me.id or 0},
        next_digest_at=next_project_digest(ctx.me.tz, ctx.policy.project_digest_day, ctx.now), private=private,
    ))


def create_tasks(ctx: Context, reading: Reading, origin: Origin | None, private: bool) -> list[Task]:
    """Write one task per owner, log it, and ask each other owner to commit."""
    title = clean_title(reading.title)
    owners = owners_of(ctx, reading)
    project, _made = project_for(ctx, reading.project)
    origin, visibility = _where(ctx, origin, private)
    return [_create_one(ctx, reading, title, owner, project, origin, visibility) for owner in owners]


def _where(ctx: Context, origin: Origin | None, private: bool) -> tuple[Origin | None, Visibility]:
    """The origin with its conversation's kind, and who sees the task: participants only when asked so; the
    workspace when asked in a public channel (or nowhere); otherwise the conversation's members."""
    if origin is not None:
        conversation = ctx.uow.conversations.get(ctx.workspace.id or 0, origin.conversation)
        origin = replace(origin, kind=conversation.kind if conversation else None)
    if private:
        return origin, Visibility.PRIVATE
    if origin is None or origin.kind is ConversationKind.PUBLIC:
        return origin, Visibility.WORKSPACE
    return origin, Visibility.CONVERSATION


def _create_one(ctx: Context, reading: Reading, title: str, owner: Person, project: Project | None,
                origin: Origin | None, visibility: Visibility) -> Task:
    number = ctx.uow.tasks.next_number(ctx.workspace.id or 0)
    task = Task(
        workspace_id=ctx.workspace.id or 0, number=number, title=title, requester_id=ctx.me.id or 0,
        owner_id=owner.id or 0, created_at=ctx.now, updated_at=ctx.now, due=reading.due,
        priority=Priority(reading.priority or "normal"), project_id=project.id if project else None,
        labels=reading.labels, origin=origin, recurrence=reading.recurrence,
        visibility=visibility, effort_minutes=reading.effort_minutes,
    )
    task.agreement = opening_agreement(task)
    ctx.plan(task)
    task = ctx.uow.tasks.add(task)
    if task.is_request:
        ctx.log(task, "asked", f"{owner.mention}, due {logged(task.due)}" if task.due else
                f"{owner.mention}, no due date yet")
        with speaking_to(owner.lang):
            ctx.notify(owner.id or 0, "request", request_text(ctx, task, owner) + load_note(ctx.uow, owner, task.due),
                       task, answer_actions(task))
    else:
        ctx.log(task, "created", "")
    return task


def request_text(ctx: Context, task: Task, owner: Person) -> str:
    """What the owner of a request reads: what is asked, by when, and how to answer."""
    if task.due is None:
        return _("{who} asks you: {ref} {title} (no due date yet). By when can you do it? Accept with your date, "
                 "or decline.", who=ctx.me.mention, ref=task.ref, title=task.title)
    return _("{who} asks you: {ref} {title} ({due}). Accept, accept with your own date, or decline.",
             who=ctx.me.mention, ref=task.ref, title=task.title, due=due_phrase(task.due, owner.tz, ctx.now))


def created_text(ctx: Context, tasks: list[Task]) -> str:
    """"Created T-5 …" plus what happens next."""
    lines = []
    for task in tasks:
        owner = ctx.people([task.owner_id]).get(task.owner_id, ctx.me)
        due = (_("due {date}", date=due_for_both(task.due, ctx.me, owner, ctx.now)) if task.due
               else _("no due date yet"))
        named = {"ref": task.ref, "title": task.title, "owner": owner.mention, "due": due}
        if task.is_request and task.due is None:
            lines.append(_("Created {ref} {title} for {owner}, {due}. I've asked {owner} by when they can do it.",
                           **named))
        elif task.is_request:
            lines.append(_("Created {ref} {title} for {owner}, {due}. I've asked {owner} to accept, propose another "
                           "date or decline.", **named))
        else:
            lines.append(_("Created {ref} {title}, {due}. It's yours.", **named))
    return "\n".join(lines + _unread_hint(ctx, tasks[0] if tasks else None))


def _unread_hint(ctx: Context, task: Task | None) -> list[str]:
    """How to let a private channel see its tasks when Tandem can't read who is in it."""
    if task is None or task.origin is None or task.visibility is not Visibility.CONVERSATION:
        return []
    conversation = ctx.uow.conversations.get(ctx.workspace.id or 0, task.origin.conversation)
    if conversation is None or conversation.readable:
        return []
    return [_("I can't see who is in this conversation, so only the people taking part can see this task. "
              "Invite me (on Slack: /invite @Tandem) and its members will see it too.")]


def reading_card(ctx: Context, reading: Reading, owners: list[Person]) -> Card:
    """A reading shown back before anything is created."""
    fields: list[tuple[str, str]] = [(_("Owner"), ", ".join(p.mention for p in owners))]
    first = owners[0]
    fields.append((_("Due"), due_for_both(reading.due, first, ctx.me, ctx.now) if reading.due
                   else _("no due date yet")))
    if reading.due and first.tz != ctx.me.tz and not reading.due.is_date:
        fields.append((_("Your time"), when(reading.due, ctx.me.tz, ctx.now)))
    if reading.recurrence:
        fields.append((_("Repeats"), repeat_words(reading.recurrence, reading.due, ctx.me.tz)))
    if reading.priority:
        fields.append((_("Priority"), priority_word(Priority(reading.priority))))
    if reading.project:
        fields.append((_("Project"), f"#{reading.project}"))
    if reading.labels:
        fields.append((_("Labels"), " ".join(f"+{label}" for label in reading.labels)))
    if reading.effort_minutes:
        fields.append((_("Effort"), estimate_words(reading.effort_minutes)))
    if reading.unread:
        fields.append((_("Not a date"), unread_note(reading, "T-n")))
    return Card(heading=clean_title(reading.title), fields=tuple(fields))


def unread_note(reading: Reading, ref: str) -> str:
    """The words left in the title because they name no real day, and how to set the date instead."""
    if not reading.unread:
        return ""
    words = f"'{reading.unread[0]}'"
    for word in reading.unread[1:]:
        words = _("{first} and {last}", first=words, last=f"'{word}'")

    return _("I couldn't read {words} as a date, so it stays in the title. To set the date: /task due {ref} <date>, "
             "e.g. /task due {ref} friday.", words=words, ref=ref)


def undo_action(tasks: list[Task]) -> tuple[Action, ...]:
    refs = " ".join(t.ref for t in tasks)
    return (Action("undo", _("Undo"), f"/task undo {refs}"),) if len(tasks) == 1 else ()


def require_request(reading: Reading) -> None:
    if not reading.title.strip():
        raise InvalidInput(_("A task needs something to do. Try: /task add @alice send the Q3 report by friday"))
