"""List cursors in SQL: one per person, replaced by each new list."""
from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from core.work import ListCursor, WorkKey
from storage.rows import ListCursorRow


class SqlListCursors:
    """Stores ListCursor dataclasses as ListCursorRow, keyed by person."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, person_id: int) -> ListCursor | None:
        row = self._session.get(ListCursorRow, person_id)
        if row is None:
            return None
        return ListCursor(row.person_id, row.words, WorkKey.from_dict(row.key), row.shown, row.at)

    def save(self, cursor: ListCursor) -> None:
        row = self._session.get(ListCursorRow, cursor.person_id)
        if row is None:
            row = ListCursorRow(person_id=cursor.person_id)
            self._session.add(row)
        row.words, row.key, row.shown, row.at = cursor.words, cursor.key.to_dict(), cursor.shown, cursor.at
        self._session.flush()

    def drop(self, person_id: int) -> None:
        self._session.execute(delete(ListCursorRow).where(ListCursorRow.person_id == person_id))
