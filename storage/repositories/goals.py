"""Goals in SQL."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.projects import Goal
from storage.repositories.keys import name_key
from storage.rows import GoalRow


class SqlGoalRepository:
    """Stores Goal dataclasses as GoalRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, goal: Goal) -> Goal:
        row = GoalRow(
            workspace_id=goal.workspace_id,
            name=goal.name,
            name_key=name_key(goal.name),
            owner_id=goal.owner_id,
            created_at=goal.created_at,
        )
        self._session.add(row)
        self._session.flush()
        goal.id = row.id
        return goal

    def get(self, goal_id: int) -> Goal | None:
        row = self._session.get(GoalRow, goal_id)
        return _to_goal(row) if row else None

    def by_name(self, workspace_id: int, name: str) -> Goal | None:
        """The goal called `name`, compared case-insensitively."""
        row = self._session.scalars(
            select(GoalRow).where(GoalRow.workspace_id == workspace_id, GoalRow.name_key == name_key(name))
        ).one_or_none()
        return _to_goal(row) if row else None

    def list(self, workspace_id: int) -> list[Goal]:
        rows = self._session.scalars(
            select(GoalRow).where(GoalRow.workspace_id == workspace_id).order_by(GoalRow.name_key)
        ).all()
        return [_to_goal(row) for row in rows]


def _to_goal(row: GoalRow) -> Goal:
    return Goal(
        workspace_id=row.workspace_id,
        name=row.name,
        created_at=row.created_at,
        owner_id=row.owner_id,
        id=row.id,
    )
