"""The console sandbox: a clock moved by hand, and the scheduler run at each instant something falls due."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core.clock import Clock, SystemClock
from core.schedule.service import Scheduler
from core.schedule.wake import next_wake

MAX_ADVANCE = timedelta(weeks=8)


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


@dataclass
class Sandbox:
    """The sandbox clock with the scheduler that runs on it, shown in the room's zone."""

    clock: SandboxClock
    scheduler: Scheduler
    tz: str

    def shown(self, when: datetime | None = None, year: bool = False) -> str:
        """`when` (default now) in the room's zone, e.g. "Fri 27 Mar 09:00"."""
        local = (when or self.clock.now()).astimezone(ZoneInfo(self.tz))
        return f"{local:%a %d %b %Y %H:%M}" if year else f"{local:%a %d %b %H:%M}"

    def run(self, delta: timedelta) -> Iterator[datetime]:
        """Move forward by `delta` (at most MAX_ADVANCE), stopping at each instant something falls due.

        At each stop the scheduler ticks and the instant is yielded (deliver then); quiet stretches are
        jumped over, so a week costs a handful of ticks, not one every few minutes.
        """
        if delta > MAX_ADVANCE or delta < timedelta(0):
            raise ValueError(f"the sandbox moves forward at most {MAX_ADVANCE}")
        end = self.clock.now() + delta
        self.scheduler.tick()  # plans what was never planned (a newcomer's digest) before looking ahead
        while True:
            now = self.clock.now()
            wake = next_wake(self.scheduler.uow_factory, now, end)
            stop = end if wake is None else min(end, wake)
            self.clock.advance(stop - now)
            self.scheduler.tick()
            yield stop
            if stop >= end:
                return
