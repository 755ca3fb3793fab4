"""The observation port: what the core and the adapters report as they work (commands, acknowledgements,
deliveries, reminders), for whoever measures it. The core knows no metrics library; bot/metrics implements this."""
from __future__ import annotations

from typing import Protocol


class Observer(Protocol):
    def command_done(self, verb: str, outcome: str) -> None:
        """A command ran: `outcome` is ok, refused (a domain error shown to the person) or error."""
        ...

    def acknowledged(self, platform: str, seconds: float) -> None:
        """A platform request was acknowledged `seconds` after it reached Tandem (Slack's 3 s, Discord's defer)."""
        ...

    def delivered(self, platform: str, outcome: str, *, rate_limited: bool = False) -> None:
        """An outbox send ended: sent, retry or failed; `rate_limited` when the platform answered 429."""
        ...

    def reminder_fired(self, late_seconds: float) -> None:
        """A reminder went out `late_seconds` after the time it was planned for."""
        ...


class NoObserver:
    """Observes nothing: tests, the console, and anyone who doesn't measure."""

    def command_done(self, verb: str, outcome: str) -> None:
        pass

    def acknowledged(self, platform: str, seconds: float) -> None:
        pass

    def delivered(self, platform: str, outcome: str, *, rate_limited: bool = False) -> None:
        pass

    def reminder_fired(self, late_seconds: float) -> None:
        pass
