"""Retention: delivered notices and seen-event keys older than their keep-age are removed, in small batches."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, delete, select

from core.outbox import DeliveryState
from storage.rows import OutboxRow, SeenEventRow

BATCH = 1000  # rows per statement: each batch commits alone, so a long cleanup never holds delivery up


@dataclass(frozen=True)
class Removed:
    """How many rows one cleanup removed."""

    delivered: int
    seen_events: int


def remove_old(engine: Engine, now: datetime, delivered_age: timedelta, seen_age: timedelta,
               batch: int = BATCH) -> Removed:
    """Remove notices delivered before now - delivered_age and seen-event keys from before now - seen_age.
    Failed notices are kept (they are what an operator looks at)."""
    delivered = (OutboxRow.state == DeliveryState.SENT.value) & (OutboxRow.sent_at < now - delivered_age)
    return Removed(
        delivered=_in_batches(engine, OutboxRow, OutboxRow.id, delivered, batch),
        seen_events=_in_batches(engine, SeenEventRow, SeenEventRow.key, SeenEventRow.seen_at < now - seen_age, batch),
    )


def _in_batches(engine: Engine, row: Any, key: Any, old: ColumnElement[bool], batch: int) -> int:
    total = 0
    while True:
        with engine.begin() as connection:
            chosen = select(key).where(old).order_by(key).limit(batch).scalar_subquery()
            removed = connection.execute(delete(row).where(key.in_(chosen))).rowcount
        total += removed
        if removed < batch:
            return total
