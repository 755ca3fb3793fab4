"""`:advance`: how far the person asked to move the sandbox clock, within the cap, and what to say after."""
from __future__ import annotations

import re
from datetime import timedelta

from core.errors import InvalidInput
from core.sandbox import MAX_ADVANCE

DURATION_PART = re.compile(r"(\d{1,12})\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)\s*", re.IGNORECASE)
MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}
HOW = "Say how far: :advance 30m, :advance 2h, :advance 1h45m, :advance 1d or :advance 1w."
CAP_WEEKS = MAX_ADVANCE // timedelta(weeks=1)


def read_advance(amount: str) -> timedelta:
    """"1h45m" -> 1:45; a refusal for anything unreadable, zero, or beyond the cap."""
    parts = DURATION_PART.findall(amount)
    if not parts or DURATION_PART.sub("", amount).strip():
        raise InvalidInput(HOW)
    minutes = sum(int(n) * MINUTES[unit[0].lower()] for n, unit in parts)
    if minutes == 0:
        raise InvalidInput(f"That is no time at all, so the clock stays where it is. {HOW}")
    if minutes > MAX_ADVANCE // timedelta(minutes=1):
        raise InvalidInput(f"The sandbox clock moves at most {CAP_WEEKS} weeks at a time: say :advance {CAP_WEEKS}w, "
                           "and again for more.")
    return timedelta(minutes=minutes)

