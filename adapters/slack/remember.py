"""A request card created in a conversation stays there as the task's card: remembered, so the task's answers
edit it in place and its owner's ✅ on it is understood."""
from __future__ import annotations

from typing import Any

from adapters.common.runner import Answer
from adapters.slack.bridge import SlackCore
from adapters.slack.people import PLATFORM
from core.commands import RememberCard, Speaker
from core.outcome import Card
from core.tasks import parse_ref


async def remember_created(core: SlackCore, speaker: Speaker, answer: Answer, verb: str, body: dict[str, Any]) -> None:
    """After a click on Create: the clicked message (now the task's card) is remembered, unless only its clicker
    sees it (an ephemeral card can't be edited)."""
    card, container = answer.reply.card, body.get("container") or {}
    channel, ts = container.get("channel_id"), container.get("message_ts") or (body.get("message") or {}).get("ts")
    if verb != "confirm" or not answer.ok or card is None or not card.ref or container.get("is_ephemeral"):
        return
    if channel and ts:
        await core.run(RememberCard(parse_ref(card.ref), PLATFORM, str(channel), str(ts)), speaker)


async def remember_posted(core: SlackCore, speaker: Speaker, card: Card | None, channel: str, ts: str | None) -> None:
    """A task's card Tandem posted for a whole conversation (e.g. in the thread of a message made a task)."""
    if card is not None and card.ref and ts:
        await core.run(RememberCard(parse_ref(card.ref), PLATFORM, channel, ts), speaker)
