"""Comments and the activity log in SQL: append-only, read back in order."""
from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.activity import Activity, Comment
from storage.rows import ActivityRow, CommentRow


class SqlCommentRepository:
    """Stores Comment dataclasses as CommentRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, comment: Comment) -> Comment:
        row = CommentRow(
            task_id=comment.task_id, author_id=comment.author_id, text=comment.text, at=comment.at
        )
        self._session.add(row)
        self._session.flush()
        return dataclasses.replace(comment, id=row.id)

    def for_task(self, task_id: int) -> list[Comment]:
        rows = self._session.scalars(
            select(CommentRow).where(CommentRow.task_id == task_id).order_by(CommentRow.at, CommentRow.id)
        ).all()
        return [
            Comment(task_id=row.task_id, author_id=row.author_id, text=row.text, at=row.at, id=row.id)
            for row in rows
        ]


class SqlActivityRepository:
    """Stores Activity dataclasses as ActivityRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, entry: Activity) -> Activity:
        row = ActivityRow(
            task_id=entry.task_id, actor_id=entry.actor_id, verb=entry.verb, detail=entry.detail, at=entry.at
        )
        self._session.add(row)
        self._session.flush()
        return dataclasses.replace(entry, id=row.id)

    def for_task(self, task_id: int) -> list[Activity]:
        rows = self._session.scalars(
            select(ActivityRow).where(ActivityRow.task_id == task_id).order_by(ActivityRow.at, ActivityRow.id)
        ).all()
        return [_to_activity(row) for row in rows]


def _to_activity(row: ActivityRow) -> Activity:
    return Activity(
        task_id=row.task_id, actor_id=row.actor_id, verb=row.verb, detail=row.detail, at=row.at, id=row.id
    )
