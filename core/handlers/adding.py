"""`/task add` and the confirm-before-create flow for requests said to the bot in chat."""
from __future__ import annotations

from dataclasses import replace

from core.commands import AddTask, ConfirmDraft, DiscardDraft, DraftRequest, ReviseDraft
from core.drafts import Draft
from core.errors import NotAllowed, NotFound
from core.handlers.context import Context
from core.handlers.create import (
    create_tasks,
    created_text,
    owners_of,
    read,
    reading_card,
    require_request,
    undo_action,
    unread_note,
)
from core.handlers.past import is_past, past_question, wire
from core.handlers.remind import remind_channel, remind_here
from core.handlers.teams import ask_group, asked_group, group_card
from core.i18n import N_, _
from core.language import Reading
from core.outcome import Action, Card, Reply
from core.people import Person
from core.tasks import Origin
from core.wording import when

NOT_A_REQUEST = N_(
    "I read tasks, not chat. To ask someone, say: @tandem can @alice send the Q3 report by Friday? "
    "Or add one yourself: /task add water the plants every Monday. /task help lists everything."
)


def add_task(cmd: AddTask, ctx: Context) -> Reply:
    reading = read(ctx, cmd.text)
    require_request(reading)
    group = asked_group(ctx, reading)
    if group is not None:
        return ask_group(ctx, reading, group, _origin(ctx))
    if _past(ctx, reading):
        owners = owners_of(ctx, reading)
        draft = _new_draft(ctx, cmd.text)
        return _ask_about_past(ctx, draft, reading, owners, ephemeral=True)
    tasks = create_tasks(ctx, reading, _origin(ctx), cmd.private)
    cards = tuple(ctx.card(t) for t in tasks)
    text = "\n".join(filter(None, (created_text(ctx, tasks), unread_note(reading, tasks[0].ref))))
    return Reply(text, cards[0] if len(cards) == 1 else None, undo_action(tasks),
                 ephemeral=cmd.private, cards=cards if len(cards) > 1 else ())


def draft_request(cmd: DraftRequest, ctx: Context) -> Reply:
    here = remind_here(cmd.text)
    if here is not None:
        return replace(remind_channel(here, ctx), ephemeral=cmd.privately)
    reading = read(ctx, cmd.text)
    if not reading.is_request or not reading.title.strip():
        return Reply(_(NOT_A_REQUEST))
    group = asked_group(ctx, reading)
    if group is not None:
        return _draft_reply(ctx, _new_draft(ctx, cmd.text), group_card(ctx, reading, group), cmd.privately)
    owners = owners_of(ctx, reading)
    draft = _new_draft(ctx, cmd.text)
    if _past(ctx, reading):
        return _ask_about_past(ctx, draft, reading, owners, ephemeral=cmd.privately)
    return _draft_reply(ctx, draft, reading_card(ctx, reading, owners), ephemeral=cmd.privately)


def confirm_draft(cmd: ConfirmDraft, ctx: Context) -> Reply:
    draft = _my_draft(ctx, cmd.draft_id)
    reading = read(ctx, draft.text, draft.said_at)
    if cmd.when.strip():
        reading = replace(reading, due=ctx.read_when(cmd.when))
    elif _past(ctx, reading):  # a date chosen on the card is taken as chosen, even one already gone
        return _ask_about_past(ctx, draft, reading, owners_of(ctx, reading), ephemeral=True)
    origin = Origin(draft.conversation, draft.message, draft.link) if draft.conversation else None
    group = asked_group(ctx, reading)
    if group is not None:
        _close(ctx, draft)
        return ask_group(ctx, reading, group, origin)
    tasks = create_tasks(ctx, reading, origin, private=False)
    _close(ctx, draft)
    return Reply(created_text(ctx, tasks), ctx.card(tasks[0]), undo_action(tasks), ephemeral=False)


def discard_draft(cmd: DiscardDraft, ctx: Context) -> Reply:
    draft = _my_draft(ctx, cmd.draft_id)
    _close(ctx, draft)
    return Reply(_("Cancelled. Nothing was created."), ephemeral=False)


def revise_draft(cmd: ReviseDraft, ctx: Context) -> Reply:
    draft = _my_draft(ctx, cmd.draft_id)
    reading = read(ctx, cmd.text)
    require_request(reading)
    group = asked_group(ctx, reading)
    owners = [] if group is not None else owners_of(ctx, reading)
    draft.text, draft.said_at = cmd.text, ctx.now
    ctx.uow.drafts.save(draft)
    card = group_card(ctx, reading, group) if group is not None else reading_card(ctx, reading, owners)
    return _draft_reply(ctx, draft, card)


def _new_draft(ctx: Context, text: str) -> Draft:
    return ctx.uow.drafts.add(Draft(ctx.workspace.id or 0, ctx.me.id or 0, text, ctx.now,
                                    ctx.speaker.conversation, ctx.speaker.message, ctx.speaker.link))


def _past(ctx: Context, reading: Reading) -> bool:
    """A one-off date already gone (a repeat's first date is always ahead)."""
    return not reading.recurrence and is_past(reading.due, ctx.now)


def _ask_about_past(ctx: Context, draft: Draft, reading: Reading, owners: list[Person], ephemeral: bool) -> Reply:
    assert reading.due is not None
    keep = Action("keep", _("Keep {date} (overdue)", date=when(reading.due, ctx.me.tz, ctx.now)),
                  f"/task confirm {draft.id} {wire(reading.due, ctx.me.tz)}")
    cancel = Action("cancel", _("Cancel"), f"/task discard {draft.id}", "danger")
    asked = past_question(ctx, reading.due, lambda when: f"/task confirm {draft.id} {when}",
                          reading_card(ctx, reading, owners), (keep, cancel))
    return replace(asked, ephemeral=ephemeral)


def _draft_reply(ctx: Context, draft: Draft, card: Card, ephemeral: bool = False) -> Reply:
    actions = (
        Action("create", _("Create"), f"/task confirm {draft.id}", "primary"),
        Action("edit", _("Edit"), f"/task revise {draft.id} <corrected request>"),
        Action("cancel", _("Cancel"), f"/task discard {draft.id}", "danger"),
    )
    return Reply(_("Here's what I understood. Create it?"), card, actions, ephemeral=ephemeral)


def _close(ctx: Context, draft: Draft) -> None:
    draft.closed_at = ctx.now
    ctx.uow.drafts.save(draft)


def _my_draft(ctx: Context, draft_id: int) -> Draft:
    draft = ctx.uow.drafts.get(draft_id)
    if draft is None or draft.workspace_id != ctx.workspace.id:
        raise NotFound(_("There is no request card {number} here. Say the request again, e.g. "
                         "/task @alice send the report by friday", number=draft_id))
    if not draft.is_open:
        raise NotFound(_("That request was already created or cancelled."))
    if draft.author_id != ctx.me.id:
        raise NotAllowed(_("Only the person who made the request can create, edit or cancel it."))
    return draft


def _origin(ctx: Context) -> Origin | None:
    speaker = ctx.speaker
    return Origin(speaker.conversation, speaker.message, speaker.link) if speaker.conversation else None
