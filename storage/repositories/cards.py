"""Posted task cards in SQL."""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.cards import PostedCard
from storage.rows import TaskCardRow

CARDS_PER_TASK = 20  # the newest cards of a task are edited; older ones keep their stale-click guard


class SqlCardRepository:
    """Stores PostedCard dataclasses as TaskCardRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, card: PostedCard) -> None:
        self._session.add(TaskCardRow(task_id=card.task_id, recipient_id=card.recipient_id, platform=card.platform,
                                      channel=card.channel, message=card.message, posted_at=card.posted_at,
                                      handle=card.handle, expires_at=card.expires_at, uses_left=card.uses_left))
        self._session.flush()

    def for_task(self, task_id: int) -> list[PostedCard]:
        """The newest cards of the task, oldest first."""
        rows = self._session.scalars(select(TaskCardRow).where(TaskCardRow.task_id == task_id)
                                     .order_by(TaskCardRow.id.desc()).limit(CARDS_PER_TASK)).all()
        return [PostedCard(r.task_id, r.recipient_id, r.platform, r.channel, r.message, r.posted_at, r.id,
                           r.handle, r.expires_at, r.uses_left) for r in reversed(rows)]

    def spend(self, card_id: int) -> None:
        """One use of the card's limited edit handle."""
        self._session.execute(update(TaskCardRow).where(TaskCardRow.id == card_id, TaskCardRow.uses_left > 0)
                              .values(uses_left=TaskCardRow.uses_left - 1))

    def at_message(self, platform: str, channel: str, message: str) -> PostedCard | None:
        r = self._session.scalars(select(TaskCardRow).where(
            TaskCardRow.platform == platform, TaskCardRow.channel == channel, TaskCardRow.message == message)
            .order_by(TaskCardRow.id.desc()).limit(1)).first()
        return PostedCard(r.task_id, r.recipient_id, r.platform, r.channel, r.message, r.posted_at, r.id,
                          r.handle, r.expires_at, r.uses_left) if r else None
