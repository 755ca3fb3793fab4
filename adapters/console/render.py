"""Console rendering: replies and notices as plain lines, or as JSON objects for scripts.

What people typed is echoed without its control characters: an ANSI escape in a title can't recolour, move the
cursor in, retitle or clear the reader's terminal, and no bidirectional override can reorder what is shown.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from core.outcome import Action, Card

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` without terminal control characters (each shown as �); newlines and tabs stay."""
    return CONTROLS.sub(REPLACEMENT, text)


@dataclass(frozen=True)
class BotMessage:
    """One message from the bot: to a person (a DM) or to the current conversation (to=None).

    `fired` is the sandbox time a notice delivered by `:advance` fell due; `error` marks a refusal.
    """

    to: str | None
    conversation: str | None
    text: str
    actions: tuple[Action, ...] = ()
    card: Card | None = None
    cards: tuple[Card, ...] = ()
    fired: str | None = None
    error: bool = False
    thread: str | None = None  # the message whose thread this answers, for a post in a conversation

    def as_json(self) -> str:
        data: dict[str, Any] = {
            "to": self.to, "conversation": self.conversation, "text": self.text,
            "actions": [a.to_dict() for a in self.actions],
        }
        if self.card is not None:
            data["card"] = self.card.to_dict()
        if self.fired is not None:
            data["fired"] = self.fired
        if self.error:
            data["error"] = True
        if self.thread:
            data["thread"] = self.thread
        return printable(json.dumps(data, ensure_ascii=False))

    def as_text(self) -> str:
        prefix = f"[DM {self.to}] " if self.to else "tandem: "
        if self.thread and not self.to:
            prefix = f"tandem [#{self.conversation} thread]: "
        stamp = f"[{self.fired}] " if self.fired else ""
        lines = [stamp + prefix + self.text.replace("\n", "\n  ")]
        for card in (self.card, *self.cards) if self.card else self.cards:
            lines.append(card_text(card))
        if self.actions:
            lines.append("  → " + " | ".join(f"{a.label}: {a.command}" for a in self.actions))
        return printable("\n".join(lines))


def card_text(card: Card) -> str:
    """A card as an indented block: "T-3 Send the report", then its fields."""
    heading = f"{card.ref} {card.heading}" if card.ref else card.heading
    fields = "  ".join(f"{label}: {value}" for label, value in card.fields)
    return f"  ┌ {heading}\n  └ {fields}" if fields else f"  ┌ {heading}"
