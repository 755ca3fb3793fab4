"""Failures to inject into the fake Slack: the next N calls answer 500, 429, slowly, or with an error."""
from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    """One planned misbehaviour. `status` 200 with `error` is Slack's `{"ok": false}`."""

    status: int = 500
    error: str | None = None
    retry_after: int | None = None
    delay: float = 0.0
    then_accept: bool = False  # a slow answer that still posts the message (a timeout that did go through)


class Faults:
    """Queued faults for the next calls to a method, and standing `ok: false` errors per channel."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, deque[Fault]] = {}
        self._channel_errors: dict[str, str] = {}

    def next_calls(self, method: str, count: int, fault: Fault) -> None:
        with self._lock:
            self._next.setdefault(method, deque()).extend([fault] * count)

    def channel_error(self, channel: str, error: str | None) -> None:
        """Answer every post to `channel` with `{"ok": false, "error": error}` (None clears it)."""
        with self._lock:
            if error is None:
                self._channel_errors.pop(channel, None)
            else:
                self._channel_errors[channel] = error

    def take(self, method: str) -> Fault | None:
        with self._lock:
            planned = self._next.get(method)
            return planned.popleft() if planned else None

    def for_channel(self, channel: str) -> str | None:
        with self._lock:
            return self._channel_errors.get(channel)
