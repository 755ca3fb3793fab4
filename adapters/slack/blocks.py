"""Block Kit for a notice payload: text section, card fields, and action buttons, with a plain-text fallback.

The core's text is plain; this module is where it becomes Slack text. Every piece of it goes through `escape`
(the `text` fallback as well as the blocks), and every mrkdwn object is `verbatim`, so nothing a person typed
can become a mention (`<!channel>`, `<@U1>`, `<!subteam^S1>`, a bare `@here`) or a masked link.
"""
from __future__ import annotations

import re
from typing import Any

from core.outcome import Action, Card

Block = dict[str, Any]
MAX_BUTTONS = 5  # per actions block
MAX_FIELDS = 10  # per section
MAX_TEXT = 3000
MAX_FALLBACK = 4000
MAX_LABEL = 75
STYLES = ("primary", "danger")
VERSION_BLOCK = "tandem@"


def escape(text: str) -> str:
    """Slack's three control characters, so a task title can't turn into a mention or a link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fallback_text(payload: dict[str, Any]) -> str:
    """The `text` sent with the blocks, escaped: notifications, screen readers and old clients show it."""
    text = str(payload.get("text") or "")
    card = payload.get("card")
    if not text and card:
        text = str(card.get("heading", ""))
    return escape(text or "Tandem")[:MAX_FALLBACK]


def notice_blocks(payload: dict[str, Any]) -> list[Block]:
    """The blocks for an outbox payload ({"text", "card", "actions"}) as core.outcome.Notice stores it."""
    blocks: list[Block] = []
    text = str(payload.get("text") or "")
    if text:
        blocks.append(section(text))
    if payload.get("card"):
        blocks.extend(card_blocks(Card.from_dict(payload["card"])))
    actions = [Action.from_dict(a) for a in payload.get("actions") or []]
    blocks.extend(action_blocks(actions))
    return blocks


def card_heading(card: Card) -> str:
    """The card's heading as mrkdwn: bold, with its reference as code."""
    return f"*{escape(card.heading)}*" + (f"  `{escape(card.ref)}`" if card.ref else "")


def card_blocks(card: Card) -> list[Block]:
    heading = card_heading(card)
    fields = [mrkdwn(f"*{escape(label)}*\n{escape(value)}") for label, value in card.fields]
    if not fields:
        return [mrkdwn_section(heading)]
    chunks = [fields[i:i + MAX_FIELDS] for i in range(0, len(fields), MAX_FIELDS)]
    first: Block = {"type": "section", "text": mrkdwn(heading), "fields": chunks[0]}
    return [first, *({"type": "section", "fields": chunk} for chunk in chunks[1:])]


def action_blocks(actions: list[Action]) -> list[Block]:
    """Buttons, five to a block; the block id carries the task's version, so a click on a stale card is caught."""
    blocks: list[Block] = []
    version = next((a.version for a in actions if a.version), "")
    for start in range(0, len(actions), MAX_BUTTONS):
        chunk = actions[start:start + MAX_BUTTONS]
        block: Block = {"type": "actions", "elements": _buttons(chunk)}
        if version:
            block["block_id"] = f"{VERSION_BLOCK}{version}" + (f":{start}" if start else "")
        blocks.append(block)
    return blocks


def version_in(block_id: str) -> str:
    """The task version an actions block carries ("" for a block without one)."""
    found = re.match(rf"^{VERSION_BLOCK}([0-9a-f]+)", block_id or "")
    return found.group(1) if found else ""


def _buttons(actions: list[Action]) -> list[Block]:
    seen: set[str] = set()
    buttons: list[Block] = []
    for index, action in enumerate(actions):
        action_id = f"tandem:{action.verb}"
        if action_id in seen:  # action ids must be unique within a block
            action_id = f"{action_id}:{index}"
        seen.add(action_id)
        button: Block = {
            "type": "button",
            "text": {"type": "plain_text", "text": action.label[:MAX_LABEL], "emoji": True},
            "action_id": action_id,
            "value": action.command[:2000],
        }
        if action.style in STYLES:
            button["style"] = action.style
        buttons.append(button)
    return buttons


def section(text: str) -> Block:
    """A section showing plain text (escaped here)."""
    return mrkdwn_section(escape(text))


def mrkdwn_section(rendered: str) -> Block:
    """A section of mrkdwn that is already escaped."""
    return {"type": "section", "text": mrkdwn(rendered)}


def mrkdwn(rendered: str) -> Block:
    """A mrkdwn text object for already escaped text; verbatim, so Slack links and mentions nothing by itself."""
    return {"type": "mrkdwn", "text": rendered[:MAX_TEXT], "verbatim": True}
