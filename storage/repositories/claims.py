"""Claiming rows whose time has come: FOR UPDATE SKIP LOCKED on PostgreSQL, a plain select on SQLite."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from core.tasks import Status

R = TypeVar("R")

# Listed rather than negated so the (…, status) indexes can seek straight to the open tasks.
OPEN_STATUSES = tuple(status.value for status in Status if not status.is_closed)


def claim(session: Session, statement: Select[R], limit: int) -> Sequence[R]:
    """The first `limit` rows of `statement`, freshly loaded; on PostgreSQL rows locked by another
    transaction are skipped, so concurrent claimers get disjoint batches (SQLite has one writer)."""
    statement = statement.limit(limit).execution_options(populate_existing=True)
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update(skip_locked=True)
    return session.scalars(statement).all()
