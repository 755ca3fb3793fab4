"""`/task settings notices now | every 30m | digest`: how non-urgent notices (comments, watched changes) arrive."""
from __future__ import annotations

import re

from core.commands import SetNotices
from core.errors import InvalidInput
from core.handlers.context import Context
from core.notices import NoticeMode, NoticePreference

EVERY = re.compile(r"^every\s+(\d{1,4})\s*(m|min|mins|minutes?|h|hours?)$", re.IGNORECASE)
SHORTEST, LONGEST = 5, 24 * 60
HOW = "/task settings notices now (or: every 30m, every 2h, digest)"


def set_notices(cmd: SetNotices, ctx: Context) -> str:
    how = " ".join(cmd.how.lower().split())
    preference = _read(how)
    ctx.uow.notices.set_preference(ctx.me.id or 0, preference)
    always = " Requests, answers to your requests and due reminders still come at once."
    if preference.mode is NoticeMode.DIGEST:
        return "Comments and changes to tasks you watch now wait for your digest time." + always
    if preference.mode is NoticeMode.BATCH:
        return (f"Comments and changes to tasks you watch now come together, at most every "
                f"{_minutes(preference.every_minutes)}.{always}")
    return "Comments and changes to tasks you watch now come at once (several within a minute as one message)."


def _read(how: str) -> NoticePreference:
    if how in ("now", "at once", "instant", "immediately"):
        return NoticePreference(NoticeMode.NOW)
    if how in ("digest", "in the digest", "only in the digest"):
        return NoticePreference(NoticeMode.DIGEST)
    found = EVERY.match(how)
    if found is None:
        raise InvalidInput(f"Say how your notices should come: {HOW}")
    minutes = int(found.group(1)) * (60 if found.group(2).startswith("h") else 1)
    if not SHORTEST <= minutes <= LONGEST:
        raise InvalidInput(f"Choose between every {SHORTEST}m and every 24h: {HOW}")
    return NoticePreference(NoticeMode.BATCH, minutes)


def _minutes(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'' if hours == 1 else 's'}"
    return f"{minutes} minutes"
