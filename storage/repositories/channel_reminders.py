"""Channel reminders in SQL."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.channel_reminders import ChannelReminder
from storage.repositories.claims import claim
from storage.rows import ChannelReminderRow


class SqlChannelReminderRepository:
    """Stores ChannelReminder dataclasses as ChannelReminderRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, reminder: ChannelReminder) -> ChannelReminder:
        row = ChannelReminderRow(workspace_id=reminder.workspace_id, author_id=reminder.author_id,
                                 conversation=reminder.conversation, created_at=reminder.created_at)
        _copy(reminder, row)
        self._session.add(row)
        self._session.flush()
        reminder.id = row.id
        return reminder

    def get(self, reminder_id: int) -> ChannelReminder | None:
        row = self._session.get(ChannelReminderRow, reminder_id)
        return _to_reminder(row) if row else None

    def save(self, reminder: ChannelReminder) -> None:
        row = self._session.get(ChannelReminderRow, reminder.id)
        if row is not None:
            _copy(reminder, row)
            self._session.flush()

    def active(self, workspace_id: int, conversation: str | None = None, limit: int = 50) -> list[ChannelReminder]:
        statement = select(ChannelReminderRow).where(ChannelReminderRow.workspace_id == workspace_id,
                                                     ChannelReminderRow.next_at.is_not(None))
        if conversation is not None:
            statement = statement.where(ChannelReminderRow.conversation == conversation)
        rows = self._session.scalars(statement.order_by(ChannelReminderRow.next_at, ChannelReminderRow.id)
                                     .limit(limit))
        return [_to_reminder(row) for row in rows]

    def claim_due(self, now: datetime, limit: int) -> list[ChannelReminder]:
        statement = (select(ChannelReminderRow).where(ChannelReminderRow.next_at <= now)
                     .order_by(ChannelReminderRow.next_at, ChannelReminderRow.id))
        return [_to_reminder(row) for row in claim(self._session, statement, limit)]


def _copy(reminder: ChannelReminder, row: ChannelReminderRow) -> None:
    row.text, row.tz, row.recurrence, row.next_at = reminder.text, reminder.tz, reminder.recurrence, reminder.next_at


def _to_reminder(row: ChannelReminderRow) -> ChannelReminder:
    return ChannelReminder(row.workspace_id, row.author_id, row.conversation, row.text, row.tz, row.created_at,
                           row.recurrence, row.next_at, row.id)
