"""Channel reminders: a message Tandem posts in a conversation at a time, once or on a repeat (like Slack's /remind)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from core.due import Due
from core.schedule.recurrence import next_due
from core.schedule.wall import local_instant
from core.tasks import Task

TEXT_LIMIT = 500


@dataclass
class ChannelReminder:
    """What to post in `conversation`, when next (`next_at`; None once done or cancelled), and how it repeats."""

    workspace_id: int
    author_id: int
    conversation: str
    text: str
    tz: str
    created_at: datetime
    recurrence: str | None = None
    next_at: datetime | None = None
    id: int | None = None

    @property
    def ref(self) -> str:
        return f"R-{self.id}"

    @property
    def is_active(self) -> bool:
        return self.next_at is not None


def first_at(due: Due, start_of_day: time) -> datetime:
    """When a reminder said for `due` posts: at its time, or at the start of the author's day for a date."""
    if due.at is not None:
        return due.at
    assert due.on is not None
    return local_instant(due.on, start_of_day, due.tz)


def following(reminder: ChannelReminder, fired: datetime) -> datetime | None:
    """The next time a repeating reminder posts after the one at `fired`; None for a one-off."""
    if not reminder.recurrence:
        return None
    due = Due.instant(fired, reminder.tz)
    shape = Task(reminder.workspace_id, 0, reminder.text[:200] or "-", reminder.author_id, reminder.author_id,
                 fired, fired, due=due, recurrence=reminder.recurrence)
    after: date = due.local_date()
    found = next_due(shape, after)
    return found.at if found is not None else None
