"""Replies as Slack messages: Block Kit (text, card fields, buttons) with a plain-text fallback, all escaped."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from adapters.slack.blocks import MAX_FALLBACK, MAX_TEXT, Block, action_blocks, card_blocks, escape, section
from core.cards import ReplyCard
from core.outcome import Reply

__all__ = ["context", "message", "reply_blocks", "reply_card", "section", "sections", "settled", "unescape",
           "with_draft_text"]


def reply_blocks(reply: Reply) -> list[Block]:
    blocks: list[Block] = []
    if reply.text:
        blocks.extend(sections(reply.text))
    for card in ((reply.card,) if reply.card else ()) + reply.cards:
        blocks.extend(card_blocks(card))
    blocks.extend(action_blocks(list(reply.actions)))
    return blocks


def sections(text: str) -> list[Block]:
    """Text as sections of whole lines within Slack's limit once escaped, so a long list is not cut short."""
    found: list[Block] = []
    chunk: list[str] = []
    for line in text.split("\n"):
        if chunk and len(escape("\n".join([*chunk, line]))) > MAX_TEXT:
            found.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    found.append(section("\n".join(chunk)))
    return found


def fallback(reply: Reply) -> str:
    """The escaped `text` of a reply: what notifications and screen readers show."""
    return escape(reply.text or (reply.card.heading if reply.card else "") or "Tandem")[:MAX_FALLBACK]


def message(reply: Reply) -> dict[str, Any]:
    """Keyword arguments for respond() / chat.postMessage."""
    return {"text": fallback(reply), "blocks": reply_blocks(reply)}


def settled(original: list[Block], note: str, reply: Reply) -> dict[str, Any]:
    """The clicked message after the click: its content without buttons, who did what, and the new state."""
    kept = [b for b in original if b.get("type") != "actions"]
    shown = reply_blocks(reply) if not reply.ephemeral else []
    return {"text": escape(note)[:MAX_FALLBACK], "blocks": [*kept, context(note), *shown]}


def context(text: str) -> Block:
    """A context line showing plain text (escaped here)."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": escape(text)[:MAX_TEXT], "verbatim": True}]}


def unescape(slack_text: str) -> str:
    """Plain text back from Slack's escaped message text (the inverse of `escape`)."""
    return slack_text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def with_draft_text(reply: Reply, text: str) -> Reply:
    """A draft card whose Edit button carries the request as said, so the edit modal starts from it."""
    actions = tuple(replace(a, command=a.command.replace("<corrected request>", text)) if a.verb == "edit" else a
                    for a in reply.actions)
    return replace(reply, actions=actions)


# Slack lets a response_url be used 5 times within 30 minutes; the margin covers a change delivered a little later.
RESPONSE_URL_LIFETIME = timedelta(minutes=29)
RESPONSE_URL_USES = 5


def reply_card(body: dict[str, Any], used: int = 1) -> ReplyCard:
    """Where a reply sent through the payload's response_url (already `used` times) can be edited later."""
    channel = str(body.get("channel_id") or (body.get("channel") or {}).get("id") or "")
    return ReplyCard("", "slack", channel, "", str(body.get("response_url") or ""), RESPONSE_URL_LIFETIME,
                     RESPONSE_URL_USES - used)
