"""Snowflakes and ISO timestamps as Discord writes them."""
from __future__ import annotations

import datetime
import itertools
import threading
import time

DISCORD_EPOCH_MS = 1420070400000

_counter = itertools.count()
_lock = threading.Lock()


def snowflake() -> str:
    """A fresh, increasing snowflake id (as a string, as on the wire)."""
    with _lock:
        increment = next(_counter) & 0xFFF
    return str(((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (1 << 17) | increment)


def now_iso() -> str:
    """The current time in Discord's ISO 8601 format, with microseconds and +00:00."""
    return datetime.datetime.now(datetime.UTC).isoformat()


def shard_of(guild_id: str, shard_count: int) -> int:
    """The shard that receives a guild's events: (guild_id >> 22) % shard_count."""
    return (int(guild_id) >> 22) % max(1, shard_count)
