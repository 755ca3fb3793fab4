"""`/task settings notices now | every 30m | digest`: how non-urgent notices (comments, watched changes) arrive."""
from __future__ import annotations

import re

from core.commands import SetNotices
from core.errors import InvalidInput
from core.handlers.context import Context
from core.i18n import _, ngettext
from core.notices import NoticeMode, NoticePreference

EVERY = re.compile(r"^every\s+(\d{1,4})\s*(m|min|mins|minutes?|h|hours?)$", re.IGNORECASE)
SHORTEST, LONGEST = 5, 24 * 60
HOW = "/task settings notices now (or: every 30m, every 2h, digest)"  # command words: not translated


def set_notices(cmd: SetNotices, ctx: Context) -> str:
    how = " ".join(cmd.how.lower().split())
    preference = _read(how)
    ctx.uow.notices.set_preference(ctx.me.id or 0, preference)
    if preference.mode is NoticeMode.DIGEST:
        return _("Comments and changes to tasks you watch now wait for your digest time. Requests, answers to your "
                 "requests and due reminders still come at once.")
    if preference.mode is NoticeMode.BATCH:
        return _("Comments and changes to tasks you watch now come together, at most every {interval}. Requests, "
                 "answers to your requests and due reminders still come at once.",
                 interval=_minutes(preference.every_minutes))
    return _("Comments and changes to tasks you watch now come at once (several within a minute as one message).")


def _read(how: str) -> NoticePreference:
    if how in ("now", "at once", "instant", "immediately"):
        return NoticePreference(NoticeMode.NOW)
    if how in ("digest", "in the digest", "only in the digest"):
        return NoticePreference(NoticeMode.DIGEST)
    found = EVERY.match(how)
    if found is None:
        raise InvalidInput(_("Say how your notices should come: {how}", how=HOW))
    minutes = int(found.group(1)) * (60 if found.group(2).startswith("h") else 1)
    if not SHORTEST <= minutes <= LONGEST:
        raise InvalidInput(_("Choose between every {shortest}m and every 24h: {how}", shortest=SHORTEST, how=HOW))
    return NoticePreference(NoticeMode.BATCH, minutes)


def _minutes(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("{n} hour", "{n} hours", hours)
    return ngettext("{n} minute", "{n} minutes", minutes)
