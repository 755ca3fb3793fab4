"""Named leases in SQL: one holder at a time until expiry, taken with race-safe insert-or-update."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, case, delete, or_, select, update
from sqlalchemy.orm import Session

from core.ports import Lease
from storage.repositories.insert_once import insert_once
from storage.rows import LeaseRow

NO_SYNC = {"synchronize_session": False}


class SqlLeaseRepository:
    """Stores leases as LeaseRow; each statement is atomic, so concurrent holders cannot both win."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def acquire(self, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease (or renew it when `holder` has it) until now + ttl; False while another holds it."""
        values = {"name": name, "holder": holder, "expires_at": now + ttl, "since": now}
        inserted = insert_once(self._session, LeaseRow, values, ["name"]).returning(LeaseRow.name)
        if self._session.execute(inserted).first() is not None:
            return True
        return self._update(name, holder, now, ttl, or_(LeaseRow.holder == holder, LeaseRow.expires_at <= now))

    def take_over(self, name: str, dead_holder: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease from `dead_holder`, whose process is known to be gone, without waiting for expiry."""
        return self._update(name, holder, now, ttl, LeaseRow.holder == dead_holder)

    def release(self, name: str, holder: str) -> None:
        """Give the lease up; does nothing unless `holder` is the one holding it."""
        self._session.execute(
            delete(LeaseRow).where(LeaseRow.name == name, LeaseRow.holder == holder), execution_options=NO_SYNC
        )

    def holder(self, name: str, now: datetime) -> str | None:
        """Who holds the lease now, or None when nobody does or the lease has expired."""
        return self._session.scalar(select(LeaseRow.holder).where(LeaseRow.name == name, LeaseRow.expires_at > now))

    def current(self, name: str) -> Lease | None:
        """The lease as stored, expired or not."""
        row = self._session.execute(
            select(LeaseRow.holder, LeaseRow.since, LeaseRow.expires_at).where(LeaseRow.name == name)
        ).first()
        return None if row is None else Lease(name, row.holder, row.since, row.expires_at)

    def _update(self, name: str, holder: str, now: datetime, ttl: timedelta, allowed: ColumnElement[bool]) -> bool:
        # A renewal keeps `since`; a new holder starts it now.
        since = case((LeaseRow.holder == holder, LeaseRow.since), else_=now)
        taken = self._session.execute(
            update(LeaseRow)
            .where(LeaseRow.name == name, allowed)
            .values(holder=holder, expires_at=now + ttl, since=since)
            .returning(LeaseRow.name),
            execution_options=NO_SYNC,
        )
        return taken.first() is not None
