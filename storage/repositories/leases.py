"""Named leases in SQL: one holder at a time until expiry, taken with race-safe insert-or-update."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from storage.repositories.insert_once import insert_once
from storage.rows import LeaseRow

NO_SYNC = {"synchronize_session": False}


class SqlLeaseRepository:
    """Stores leases as LeaseRow; each statement is atomic, so concurrent holders cannot both win."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def acquire(self, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease (or renew it when `holder` has it) until now + ttl; False while another holds it."""
        expires_at = now + ttl
        values = {"name": name, "holder": holder, "expires_at": expires_at}
        inserted = insert_once(self._session, LeaseRow, values, ["name"]).returning(LeaseRow.name)
        if self._session.execute(inserted).first() is not None:
            return True
        taken = self._session.execute(
            update(LeaseRow)
            .where(LeaseRow.name == name, or_(LeaseRow.holder == holder, LeaseRow.expires_at <= now))
            .values(holder=holder, expires_at=expires_at)
            .returning(LeaseRow.name),
            execution_options=NO_SYNC,
        )
        return taken.first() is not None

    def release(self, name: str, holder: str) -> None:
        """Give the lease up; does nothing unless `holder` is the one holding it."""
        self._session.execute(
            delete(LeaseRow).where(LeaseRow.name == name, LeaseRow.holder == holder), execution_options=NO_SYNC
        )

    def holder(self, name: str, now: datetime) -> str | None:
        """Who holds the lease now, or None when nobody does or the lease has expired."""
        return self._session.scalar(select(LeaseRow.holder).where(LeaseRow.name == name, LeaseRow.expires_at > now))

