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
        row = GoalRow()
        _fill(row, goal)
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

    def save(self, goal: Goal) -> None:
        if goal.id is None:
            raise ValueError("cannot save a goal that was never added")
        _fill(self._session.get_one(GoalRow, goal.id), goal)
        self._session.flush()


def _fill(row: GoalRow, goal: Goal) -> None:
    row.workspace_id = goal.workspace_id
    row.name = goal.name
    row.name_key = name_key(goal.name)
    row.owner_id = goal.owner_id
    row.created_at = goal.created_at
    row.target_on = goal.target_on
    row.description = goal.description


def _to_goal(row: GoalRow) -> Goal:
    return Goal(
        workspace_id=row.workspace_id,
        name=row.name,
        created_at=row.created_at,
        owner_id=row.owner_id,
        target_on=row.target_on,
        description=row.description,
        id=row.id,
    )
