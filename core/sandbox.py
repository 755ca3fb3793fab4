"""A movable clock for the console sandbox: fixed at a start time, or real time plus an offset."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.clock import Clock, SystemClock


class SandboxClock:
    """Starts at `start` (or follows `base`) and moves forward only when told."""

    def __init__(self, start: datetime | None = None, base: Clock | None = None) -> None:
        self._base = base or SystemClock()
        self._fixed = start.astimezone(UTC) if start is not None else None
        self._offset = timedelta(0)

    def now(self) -> datetime:
        current = self._fixed if self._fixed is not None else self._base.now()
        return current + self._offset

    def advance(self, delta: timedelta) -> datetime:
        if delta < timedelta(0):
            raise ValueError("the sandbox clock only moves forward")
        self._offset += delta
        return self.now()
