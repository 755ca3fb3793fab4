"""What a command produces: a Reply for the speaker and Notices for everyone else."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from core.i18n import retold


@dataclass(frozen=True)
class Action:
    """A choice offered with a message: a button on Slack/Discord, a hint line in the console."""

    verb: str
    label: str
    command: str
    style: str = "default"
    version: str = ""  # the state of the task the choice was offered in; a click on a changed task is not run

    def to_dict(self) -> dict[str, str]:
        found = {"verb": self.verb, "label": self.label, "command": self.command, "style": self.style}
        return {**found, "version": self.version} if self.version else found

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        return cls(data["verb"], data["label"], data["command"], data.get("style", "default"),
                   str(data.get("version") or ""))


@dataclass(frozen=True)
class Card:
    """A task (or reading) summarised as a heading and labelled fields, for rich rendering."""

    heading: str
    fields: tuple[tuple[str, str], ...] = ()
    ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"heading": self.heading, "fields": [list(f) for f in self.fields], "ref": self.ref}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Card:
        return cls(data["heading"], tuple((str(a), str(b)) for a, b in data.get("fields", [])), data.get("ref"))

    def said_in(self, lang: str) -> Card:
        """The card with its labels and values said again in `lang`."""
        return Card(retold(self.heading, lang), tuple((retold(a, lang), retold(b, lang)) for a, b in self.fields),
                    self.ref)


@dataclass(frozen=True)
class Attachment:
    """A file handed to the speaker with a reply (a person's data export): uploaded where the platform allows,
    saved to a file in the console."""

    filename: str
    content: str
    media_type: str = "application/x-ndjson"


@dataclass(frozen=True)
class Reply:
    """The answer to the person who spoke. Ephemeral replies are shown only to them."""

    text: str
    card: Card | None = None
    actions: tuple[Action, ...] = ()
    ephemeral: bool = True
    cards: tuple[Card, ...] = ()
    verb: str = ""  # what was done, when it differs from the command's verb (an accept that became a proposal)
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Notice:
    """A message for someone other than the speaker, delivered later through the outbox.

    `dedupe_key` makes delivery idempotent: the outbox keeps one row per key.
    """

    recipient_id: int
    kind: str
    text: str
    task_id: int | None = None
    card: Card | None = None
    actions: tuple[Action, ...] = ()
    urgent: bool = False
    dedupe_key: str | None = None
    conversation: str | None = None
    chart: dict[str, Any] | None = None  # a series for the adapter to draw and attach (e.g. a burn-up)
    edit: str | None = None  # the id of a message in `conversation` to edit instead of posting a new one
    edit_via: str | None = None  # for a card shown as a direct reply: the platform's handle that edits it
    edit_until: datetime | None = None  # ... and until when the platform accepts that handle
    thread: str | None = None  # the message in `conversation` whose thread this is posted in (a reply to it)

    def said_in(self, lang: str) -> Notice:
        """This notice with every translatable word said again in `lang`, its recipient's language."""
        return replace(self, text=retold(self.text, lang), card=self.card.said_in(lang) if self.card else None,
                       actions=tuple(replace(a, label=retold(a.label, lang)) for a in self.actions))

    def payload(self) -> dict[str, Any]:
        """The rendering-relevant part, stored as JSON in the outbox."""
        found = {
            "text": self.text,
            "card": self.card.to_dict() if self.card else None,
            "actions": [a.to_dict() for a in self.actions],
        }
        if self.chart is not None:
            found["chart"] = self.chart
        if self.edit_via:
            found["edit_via"] = self.edit_via
        if self.edit_until:
            found["edit_until"] = self.edit_until.isoformat()
        if self.thread:
            found["thread"] = self.thread
        return {**found, "edit": self.edit} if self.edit else found


@dataclass
class Outcome:
    reply: Reply
    notices: list[Notice] = field(default_factory=list)
