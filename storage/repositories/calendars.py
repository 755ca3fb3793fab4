"""Calendar feeds in SQL: one per person, found by the hash of its token through a unique index."""
from __future__ import annotations

import hmac
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.rows import CalendarFeedRow


class SqlCalendarFeeds:
    """The CalendarFeedRepository port."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def replace(self, person_id: int, token_hash: str, now: datetime) -> None:
        self._session.execute(delete(CalendarFeedRow).where(CalendarFeedRow.person_id == person_id))
        self._session.add(CalendarFeedRow(person_id=person_id, token_hash=token_hash, created_at=now))
        self._session.flush()

    def revoke(self, person_id: int) -> None:
        self._session.execute(delete(CalendarFeedRow).where(CalendarFeedRow.person_id == person_id))

    def exists(self, person_id: int) -> bool:
        return self._session.get(CalendarFeedRow, person_id) is not None

    def person_for(self, token_hash: str) -> int | None:
        row = self._session.scalars(select(CalendarFeedRow).where(CalendarFeedRow.token_hash == token_hash)).first()
        # The index finds the row by the hash (not the secret itself); the comparison is constant-time anyway.
        if row is None or not hmac.compare_digest(row.token_hash, token_hash):
            return None
        return row.person_id
