"""Task cards already posted: where a platform shows a task's card, so a change can edit it in place."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class PostedCard:
    """A message on `platform` (in `channel`, with id `message`) that shows task `task_id` to `recipient_id`."""

    task_id: int
    recipient_id: int | None
    platform: str
    channel: str
    message: str
    posted_at: datetime
    id: int | None = None
    # A card shown as the direct reply to a command or a click is edited through the reply's own handle (Slack's
    # response_url, Discord's interaction token) until `expires_at`, at most `uses_left` more times when limited.
    handle: str | None = None
    expires_at: datetime | None = None
    uses_left: int | None = None

    def editable(self, now: datetime) -> bool:
        """Whether the platform still allows this card to be edited."""
        if self.handle is None:
            return True
        return (self.expires_at is None or now < self.expires_at) and (self.uses_left is None or self.uses_left > 0)


@dataclass(frozen=True)
class ReplyCard:
    """A task's card an adapter showed as the direct reply to `speaker`, with the platform's edit handle and how
    long (and how many more times) the platform lets it be used."""

    ref: str
    platform: str
    channel: str
    message: str
    handle: str
    lifetime: timedelta
    uses_left: int | None = None
