"""Drafts in SQL."""
from __future__ import annotations

from sqlalchemy.orm import Session

from core.drafts import Draft
from storage.rows import DraftRow


class SqlDraftRepository:
    """Stores Draft dataclasses as DraftRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, draft: Draft) -> Draft:
        row = DraftRow()
        _fill(row, draft)
        self._session.add(row)
        self._session.flush()
        draft.id = row.id
        return draft

    def get(self, draft_id: int) -> Draft | None:
        row = self._session.get(DraftRow, draft_id)
        return _to_draft(row) if row else None

    def save(self, draft: Draft) -> None:
        if draft.id is None:
            raise ValueError("cannot save a draft that was never added")
        row = self._session.get_one(DraftRow, draft.id)
        _fill(row, draft)
        self._session.flush()


def _fill(row: DraftRow, draft: Draft) -> None:
    row.workspace_id = draft.workspace_id
    row.author_id = draft.author_id
    row.text = draft.text
    row.said_at = draft.said_at
    row.conversation = draft.conversation
    row.message = draft.message
    row.link = draft.link
    row.closed_at = draft.closed_at


def _to_draft(row: DraftRow) -> Draft:
    return Draft(
        workspace_id=row.workspace_id,
        author_id=row.author_id,
        text=row.text,
        said_at=row.said_at,
        conversation=row.conversation,
        message=row.message,
        link=row.link,
        closed_at=row.closed_at,
        id=row.id,
    )
