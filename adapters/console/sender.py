"""Delivers outbox entries to the console: a DM becomes a `[DM @name] …` line."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from adapters.console.render import BotMessage
from core.outbox import OutboxEntry
from core.outcome import Action, Card
from core.people import Person, Workspace


class ConsoleSender:
    """The console's side of delivery."""

    platform = "console"

    def __init__(self, emit: Callable[[BotMessage], None]) -> None:
        self.emit = emit
        self._fired: str | None = None

    @contextmanager
    def fired_at(self, shown: str) -> Iterator[None]:
        """Mark what is delivered inside the block with the sandbox time it fell due."""
        self._fired = shown
        try:
            yield
        finally:
            self._fired = None

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> None:
        payload = entry.payload
        actions = tuple(Action.from_dict(a) for a in payload.get("actions", []))
        card = Card.from_dict(payload["card"]) if payload.get("card") else None
        to = recipient.mention if recipient is not None else None
        self.emit(BotMessage(to, entry.conversation, str(payload.get("text", "")), actions, card,
                             fired=self._fired))
