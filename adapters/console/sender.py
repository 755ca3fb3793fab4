"""Delivers outbox entries to the console: a DM becomes a `[DM @name] …` line."""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from adapters.common.chart import chart_of, render_burn_up
from adapters.console.render import BotMessage
from core.outbox import OutboxEntry
from core.outcome import Action, Attachment, Card
from core.people import Person, Workspace


class ConsoleSender:
    """The console's side of delivery."""

    platform = "console"

    def __init__(self, emit: Callable[[BotMessage], None], charts: Path | None = None) -> None:
        self.emit = emit
        self.charts = charts or Path(tempfile.gettempdir()) / "tandem-charts"
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
        thread = str(payload["thread"]) if payload.get("thread") else None
        self.emit(BotMessage(to, entry.conversation, str(payload.get("text", "")) + self._chart(entry), actions, card,
                             fired=self._fired, thread=thread))

    def save(self, attachment: Attachment) -> str:
        """Write a file handed over with a reply (readable by its owner only: it may be personal data) and say
        where it is."""
        folder = self.charts.parent / "tandem-exports"
        path = folder / re.sub(r"[^A-Za-z0-9_.-]+", "-", attachment.filename)[:100]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
            path.write_text(attachment.content, encoding="utf-8")
        except OSError as error:
            return f"\nI couldn't save the file {attachment.filename}: {error.strerror}."
        return f"\nSaved to {path}"

    def _chart(self, entry: OutboxEntry) -> str:
        """Write the notice's chart as a PNG and say where; nothing when there is none or it can't be written."""
        series = chart_of(entry.payload)
        if series is None:
            return ""
        path = self.charts / (re.sub(r"[^A-Za-z0-9_.-]+", "-", entry.dedupe_key)[:100] + ".png")
        try:
            self.charts.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_burn_up(series))
        except OSError:
            return ""
        return f"\nChart: {path}"
