"""Seen platform deliveries in SQL: the first insert of a key wins; every repeat is a no-op."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from storage.repositories.insert_once import insert_once
from storage.rows import SeenEventRow


class SqlSeenEvents:
    """Dedupe of platform retries, marked before any work starts."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def first_time(self, key: str, now: datetime) -> bool:
        statement = insert_once(self._session, SeenEventRow, {"key": key, "seen_at": now}, ["key"])
        return self._session.execute(statement.returning(SeenEventRow.key)).first() is not None
