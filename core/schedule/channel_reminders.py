"""Posting channel reminders whose time has come, and planning each repeating one's next time."""
from __future__ import annotations

from datetime import datetime

from core.channel_reminders import ChannelReminder, following
from core.i18n import _
from core.outbox import OutboxEntry, entry_for
from core.outcome import Notice
from core.people import Person
from core.ports import UnitOfWork

CATCH_UP = 500  # after downtime a repeat posts once for what was missed, then moves past now


def run_channel_reminders(uow: UnitOfWork, now: datetime, batch: int) -> int:
    """One batch of due reminders, in the caller's transaction; how many were handled."""
    due = uow.channel_reminders.claim_due(now, batch)
    authors = uow.people.many({r.author_id for r in due})
    out: list[OutboxEntry] = []
    for reminder in due:
        author = authors.get(reminder.author_id)
        if author is not None:
            out.append(entry_for(_notice(reminder, author), reminder.workspace_id, now))
        reminder.next_at = _next(reminder, now)
        uow.channel_reminders.save(reminder)
    uow.outbox.add_many(out)
    return len(due)


def _notice(reminder: ChannelReminder, author: Person) -> Notice:
    """The reminder as posted, in its author's language."""
    assert reminder.next_at is not None
    text = _("Reminder from {who}: {text}", who=author.mention, text=reminder.text)
    return Notice(0, "channel reminder", text, urgent=True,
                  dedupe_key=f"channel-reminder:{reminder.id}:{reminder.next_at.isoformat()}",
                  conversation=reminder.conversation).said_in(author.lang)


def _next(reminder: ChannelReminder, now: datetime) -> datetime | None:
    fired = reminder.next_at
    for _round in range(CATCH_UP):
        if fired is None or fired > now:
            return fired
        fired = following(reminder, fired)
    return None
