"""Client-side pacing for Slack: per-channel and per-workspace token buckets, plus pauses after a 429."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

CHANNEL_RATE = 1.0  # Slack: about one message a second per channel
CHANNEL_BURST = 3
WORKSPACE_RATE = 300 / 60  # "several hundred a minute": 300/min, conservative for one workspace
WORKSPACE_BURST = 10
PRUNE_EVERY = 4096


@dataclass
class _Bucket:
    """A token bucket in GCRA form: `tat` is when the bucket would be full again."""

    interval: float
    tolerance: float
    tat: float = 0.0

    def earliest(self, now: float) -> float:
        return max(now, self.tat - self.tolerance)

    def take(self, at: float) -> None:
        self.tat = max(self.tat, at) + self.interval


def _bucket(rate: float, burst: int) -> _Bucket:
    interval = 1.0 / rate
    return _Bucket(interval, interval * (max(1, burst) - 1))


class SlackPacer:
    """Thread-safe: `acquire` blocks until both the channel's and the workspace's bucket allow a message.

    Rates are messages per second; a burst is how many may go at once after a quiet spell. Each caller
    reserves the earliest slot that both buckets allow, then sleeps until it; `pause` (after a 429) holds
    back a whole workspace, including callers already waiting.
    """

    def __init__(
        self,
        workspace_rate: float = WORKSPACE_RATE,
        workspace_burst: int = WORKSPACE_BURST,
        channel_rate: float = CHANNEL_RATE,
        channel_burst: int = CHANNEL_BURST,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.workspace_rate, self.workspace_burst = workspace_rate, workspace_burst
        self.channel_rate, self.channel_burst = channel_rate, channel_burst
        self._clock, self._sleep = clock, sleep
        self._lock = threading.Lock()
        self._workspaces: dict[str, _Bucket] = {}
        self._channels: dict[tuple[str, str], _Bucket] = {}
        self._paused_until: dict[str, float] = {}
        self._since_prune = 0

    def acquire(self, workspace_key: str, channel: str) -> None:
        """Wait until a message to `channel` in `workspace_key` may go, and count it."""
        while True:
            with self._lock:
                now = self._clock()
                paused = self._paused_until.get(workspace_key, 0.0)
                slot = None if paused > now else self._reserve(workspace_key, channel, now)
            if slot is None:
                self._sleep(paused - now)
                continue
            if slot > now:
                self._sleep(slot - now)
            self._wait_out_pause(workspace_key)
            return

    def pause(self, workspace_key: str, seconds: float) -> None:
        """Hold back every message of the workspace for `seconds` (Slack's Retry-After)."""
        with self._lock:
            until = self._clock() + max(0.0, seconds)
            self._paused_until[workspace_key] = max(self._paused_until.get(workspace_key, 0.0), until)

    def _reserve(self, workspace_key: str, channel: str, now: float) -> float:
        """Take the earliest slot both buckets allow (maybe in the future) and return it."""
        workspace = self._workspaces.get(workspace_key)
        if workspace is None:
            workspace = self._workspaces[workspace_key] = _bucket(self.workspace_rate, self.workspace_burst)
        key = (workspace_key, channel)
        bucket = self._channels.get(key)
        if bucket is None:
            bucket = self._channels[key] = _bucket(self.channel_rate, self.channel_burst)
        slot = max(workspace.earliest(now), bucket.earliest(now))
        workspace.take(slot)
        bucket.take(slot)
        self._prune(now)
        return slot

    def _wait_out_pause(self, workspace_key: str) -> None:
        while True:
            with self._lock:
                wait = self._paused_until.get(workspace_key, 0.0) - self._clock()
            if wait <= 0:
                return
            self._sleep(wait)

    def _prune(self, now: float) -> None:
        self._since_prune += 1
        if self._since_prune < PRUNE_EVERY:
            return
        self._since_prune = 0
        idle = [key for key, bucket in self._channels.items() if bucket.tat <= now]
        for key in idle:
            del self._channels[key]
