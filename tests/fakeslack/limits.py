"""Slack-like rate limits: a token bucket per channel and per workspace token, answering with Retry-After."""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Limits:
    """Messages per second and bursts; Slack allows about 1/s per channel and several hundred/min per workspace."""

    channel_rate: float = 1.0
    channel_burst: int = 3
    workspace_rate: float = 10.0
    workspace_burst: int = 20


@dataclass
class _Bucket:
    interval: float
    tolerance: float
    tat: float = 0.0

    def wait(self, now: float) -> float:
        return max(0.0, self.tat - self.tolerance - now)

    def take(self, now: float) -> None:
        self.tat = max(self.tat, now) + self.interval


@dataclass
class RateLimiter:
    """Admits a message when both its channel's and its workspace's bucket have a token, else says how long to wait."""

    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[tuple[str, ...], _Bucket] = field(default_factory=dict)

    def admit(self, workspace: str, channel: str) -> int:
        """0 when admitted (and counted); else the Retry-After in whole seconds (at least 1), like Slack."""
        now = self.clock()
        team = self._bucket(("ws", workspace), self.limits.workspace_rate, self.limits.workspace_burst)
        chan = self._bucket(("ch", workspace, channel), self.limits.channel_rate, self.limits.channel_burst)
        wait = max(team.wait(now), chan.wait(now))
        if wait > 0:
            return max(1, math.ceil(wait))
        team.take(now)
        chan.take(now)
        return 0

    def _bucket(self, key: tuple[str, ...], rate: float, burst: int) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            interval = 1.0 / rate
            bucket = self._buckets[key] = _Bucket(interval, interval * (max(1, burst) - 1))
        return bucket
