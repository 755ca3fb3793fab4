"""Notice preferences and held notices in SQL."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.notices import HeldNotice, NoticeMode, NoticePreference
from storage.repositories.claims import claim
from storage.rows import HeldNoticeRow, NoticePreferenceRow


class SqlNoticeRepository:
    """Stores NoticePreference (one row per person who chose) and HeldNotice rows."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def preference(self, person_id: int) -> NoticePreference:
        row = self._session.get(NoticePreferenceRow, person_id)
        return NoticePreference(NoticeMode(row.mode), row.every_minutes) if row else NoticePreference()

    def set_preference(self, person_id: int, preference: NoticePreference) -> None:
        row = self._session.get(NoticePreferenceRow, person_id)
        if row is None:
            row = NoticePreferenceRow(person_id=person_id)
            self._session.add(row)
        row.mode, row.every_minutes = preference.mode.value, preference.every_minutes
        self._session.flush()

    def hold(self, notice: HeldNotice) -> None:
        self._session.add(HeldNoticeRow(workspace_id=notice.workspace_id, person_id=notice.person_id,
                                        task_id=notice.task_id, kind=notice.kind, text=notice.text,
                                        held_at=notice.held_at, release_at=notice.release_at))
        self._session.flush()

    def pending_release(self, person_id: int) -> datetime | None:
        return self._session.scalar(select(func.min(HeldNoticeRow.release_at))
                                    .where(HeldNoticeRow.person_id == person_id))

    def claim_due(self, now: datetime, limit: int) -> list[HeldNotice]:
        statement = (select(HeldNoticeRow).where(HeldNoticeRow.release_at <= now)
                     .order_by(HeldNoticeRow.release_at, HeldNoticeRow.id))
        return [HeldNotice(r.workspace_id, r.person_id, r.kind, r.text, r.held_at, r.release_at, r.task_id, r.id)
                for r in claim(self._session, statement, limit)]

    def release(self, notice_ids: Iterable[int]) -> None:
        ids = list(notice_ids)
        if ids:
            self._session.execute(delete(HeldNoticeRow).where(HeldNoticeRow.id.in_(ids)))
