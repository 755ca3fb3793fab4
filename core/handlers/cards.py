"""Cards already posted for a task that changed: each is edited to show the task as it is now."""
from __future__ import annotations

from uuid import uuid4

from core.actions import actions_for
from core.cards import PostedCard
from core.handlers.context import Context
from core.i18n import _, speaking_to
from core.outcome import Notice
from core.permissions import Act, can
from core.tasks import Task
from core.wording import due_phrase, state_of


def refreshed_cards(ctx: Context) -> list[Notice]:
    """One edit per posted card of every task the command changed, for readers who may still see it.
    The speaker's own cards are left alone: the card they clicked was settled by their adapter. A card shown as
    a direct reply is edited only while the platform allows it; after that its buttons' version guard shows
    the task as it is when clicked."""
    edits: list[Notice] = []
    for task in ctx.touched.values():
        cards = [c for c in ctx.uow.cards.for_task(task.id or 0)
                 if c.recipient_id not in (None, ctx.me.id) and c.editable(ctx.now)]
        readers = ctx.people(c.recipient_id or 0 for c in cards)
        for card in cards:
            reader = readers.get(card.recipient_id or 0)
            if reader is None or not can(reader, Act.SEE, task):
                continue
            with speaking_to(reader.lang):
                edits.append(Notice(reader.id or 0, "card", _changed(task, reader.tz, ctx), task.id,
                                    ctx.card(task, reader), actions_for(task, reader.id, reader.tz),
                                    dedupe_key=f"card:{card.id}:{uuid4().hex}", conversation=card.channel,
                                    edit=card.message, edit_via=_spent(ctx, card),
                                    edit_until=card.expires_at if card.handle else None))
    return edits


def _spent(ctx: Context, card: PostedCard) -> str | None:
    """The card's reply handle, one use of it counted (Slack allows a response_url five uses)."""
    if card.handle is not None and card.uses_left is not None and card.id is not None:
        ctx.uow.cards.spend(card.id)
    return card.handle


def _changed(task: Task, tz: str, ctx: Context) -> str:
    due = due_phrase(task.due, tz, ctx.now)
    return _("Updated by {who}: {ref} {title} is {state}, {due}.", who=ctx.me.mention, ref=task.ref,
             title=task.title, state=state_of(task), due=due)
