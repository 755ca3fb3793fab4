"""Console rendering: replies and notices as plain lines, or as JSON objects for scripts."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.outcome import Action, Card


@dataclass(frozen=True)
class BotMessage:
    """One message from the bot: to a person (a DM) or to the current conversation (to=None)."""

    to: str | None
    conversation: str | None
    text: str
    actions: tuple[Action, ...] = ()
    card: Card | None = None
    cards: tuple[Card, ...] = ()

    def as_json(self) -> str:
        data: dict[str, Any] = {
            "to": self.to, "conversation": self.conversation, "text": self.text,
            "actions": [a.to_dict() for a in self.actions],
        }
        if self.card is not None:
            data["card"] = self.card.to_dict()
        return json.dumps(data, ensure_ascii=False)

    def as_text(self) -> str:
        prefix = f"[DM {self.to}] " if self.to else "tandem: "
        lines = [prefix + self.text.replace("\n", "\n  ")]
        for card in (self.card, *self.cards) if self.card else self.cards:
            lines.append(card_text(card))
        if self.actions:
            lines.append("  → " + " | ".join(f"{a.label}: {a.command}" for a in self.actions))
        return "\n".join(lines)


def card_text(card: Card) -> str:
    """A card as an indented block: "T-3 Send the report", then its fields."""
    heading = f"{card.ref} {card.heading}" if card.ref else card.heading
    fields = "  ".join(f"{label}: {value}" for label, value in card.fields)
    return f"  ┌ {heading}\n  └ {fields}" if fields else f"  ┌ {heading}"
