"""The outbox in SQL: deduplicated inserts, and leased claims so several deliverers never collide."""
from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Insert, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.outbox import DeliveryState, OutboxEntry
from storage.repositories.outbox_bulk import insert_recordset
from storage.rows import OutboxRow, WorkspaceRow


class SqlOutbox:
    """Stores OutboxEntry dataclasses as OutboxRow. Claiming and marking are for the deliverer."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._dialect_name: str | None = None

    def add(self, entry: OutboxEntry) -> bool:
        """Store the entry unless one with the same dedupe key exists; True when stored."""
        # One prebuilt statement on the connection: building an ORM insert per entry cost more than the insert.
        inserted = self._session.connection().execute(
            _INSERTS[self._dialect()][0], _columns(entry)
        ).scalar_one_or_none()
        if inserted is None:
            return False
        entry.id = inserted
        return True

    def add_many(self, entries: Iterable[OutboxEntry]) -> int:
        """Store each entry unless one with the same dedupe key exists (earlier in `entries` too), in batched
        statements; sets the ids of those stored and says how many they are."""
        fresh: dict[str, OutboxEntry] = {}
        for entry in entries:
            fresh.setdefault(entry.dedupe_key, entry)
        if not fresh:
            return 0
        rows, connection = [_columns(entry) for entry in fresh.values()], self._session.connection()
        if self._dialect() == "postgresql":
            stored = insert_recordset(connection, rows)
        else:
            stored = [(entry_id, key) for entry_id, key in connection.execute(_INSERTS["sqlite"][1], rows)]
        for entry_id, key in stored:
            fresh[key].id = entry_id
        return len(stored)

    def backlog(self, now: datetime) -> tuple[int, datetime | None]:
        """How many notices wait to be sent (held back or not), and since when the oldest due one has waited."""
        waiting = OutboxRow.state == DeliveryState.PENDING.value
        count = self._session.scalar(select(func.count()).select_from(OutboxRow).where(waiting)) or 0
        due = OutboxRow.not_before <= now
        oldest = self._session.scalar(select(func.min(OutboxRow.not_before)).where(waiting, due))
        return int(count), oldest

    def pending(self, limit: int, now: datetime) -> Sequence[OutboxEntry]:
        """Pending entries whose time has come, oldest first."""
        rows = self._session.scalars(
            select(OutboxRow)
            .where(OutboxRow.state == DeliveryState.PENDING.value, OutboxRow.not_before <= now)
            .order_by(OutboxRow.id)
            .limit(limit)
        ).all()
        return [_to_entry(row) for row in rows]

    def save(self, entry: OutboxEntry) -> None:
        if entry.id is None:
            raise ValueError("cannot save an outbox entry that was never added")
        row = self._session.get_one(OutboxRow, entry.id)
        for name, value in _columns(entry).items():
            setattr(row, name, value)
        self._session.flush()

    def claim(self, limit: int, now: datetime, worker: str, lease: timedelta, *,
              platforms: Collection[str] | None = None, real_now: datetime | None = None) -> list[OutboxEntry]:
        """Lease up to `limit` entries due by `now` and unclaimed (or expired) to `worker` until real_now + lease.

        `now` decides what is due (a sandbox clock in the console); `real_now` (default `now`) times the lease.
        With `platforms` only entries of workspaces on those platforms are taken: a process never claims what
        it has no sender for. On PostgreSQL locked rows are skipped, so concurrent workers get disjoint
        batches; commit the unit of work right after claiming to publish the lease and release the row locks.
        """
        real_now = real_now or now
        conditions = [
            OutboxRow.state == DeliveryState.PENDING.value,
            OutboxRow.not_before <= now,
            or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until <= real_now),
        ]
        if platforms is not None:
            served = select(WorkspaceRow.id).where(WorkspaceRow.platform.in_(list(platforms)))
            conditions.append(OutboxRow.workspace_id.in_(served))
        statement = (
            select(OutboxRow).where(*conditions).order_by(OutboxRow.id).limit(limit)
            .execution_options(populate_existing=True)
        )
        if self._dialect() == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        rows = self._session.scalars(statement).all()
        for row in rows:
            row.claimed_by = worker
            row.claimed_until = real_now + lease
        self._session.flush()
        return [_to_entry(row) for row in rows]

    def renew(self, entry_ids: Collection[int], worker: str, until: datetime) -> int:
        """Extend `worker`'s claims on those of `entry_ids` it still holds (not yet recorded) to `until`."""
        if not entry_ids:
            return 0
        renewed = self._session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(list(entry_ids)), OutboxRow.claimed_by == worker,
                   OutboxRow.state == DeliveryState.PENDING.value)
            .values(claimed_until=until),
            execution_options={"synchronize_session": False},
        )
        return int(renewed.rowcount)  # type: ignore[attr-defined]

    def release(self, worker: str) -> int:
        """Hand back `worker`'s claims on entries it did not get to send (at shutdown); returns how many."""
        released = self._session.execute(
            update(OutboxRow)
            .where(OutboxRow.claimed_by == worker, OutboxRow.state == DeliveryState.PENDING.value)
            .values(claimed_by=None, claimed_until=None),
            execution_options={"synchronize_session": False},
        )
        return int(getattr(released, "rowcount", 0) or 0)

    def mark_sent(self, entry_id: int, now: datetime) -> None:
        """Record a successful delivery."""
        self._update(entry_id, state=DeliveryState.SENT.value, sent_at=now, last_error=None)

    def mark_retry(self, entry_id: int, when: datetime, error: str) -> None:
        """Record a failed attempt and try again at `when`."""
        self._update(entry_id, not_before=when, last_error=error)

    def mark_failed(self, entry_id: int, error: str) -> None:
        """Record a failed attempt and give up on the entry."""
        self._update(entry_id, state=DeliveryState.FAILED.value, last_error=error)

    def _update(self, entry_id: int, **values: Any) -> None:
        changed = self._session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == entry_id)
            .values(attempts=OutboxRow.attempts + 1, claimed_by=None, claimed_until=None, **values),
            execution_options={"synchronize_session": "fetch"},
        )
        if changed.rowcount != 1:  # type: ignore[attr-defined]
            raise LookupError(f"no outbox entry with id {entry_id}")

    def _dialect(self) -> str:
        if self._dialect_name is None:
            name = self._session.get_bind().dialect.name
            if name not in _INSERTS:
                raise NotImplementedError(f"the outbox supports SQLite and PostgreSQL, not {name}")
            self._dialect_name = name
        return self._dialect_name


def _insert_ignoring_duplicates(dialect: Any) -> tuple[Insert, Insert]:
    """INSERT … ON CONFLICT (dedupe_key) DO NOTHING, RETURNING id (for add) or id and dedupe_key (add_many).

    Built once; the values come as parameters, so each execution reuses the compiled statement."""
    table = OutboxRow.__table__
    plain = dialect.insert(table).on_conflict_do_nothing(index_elements=["dedupe_key"])
    return plain.returning(table.c.id), plain.returning(table.c.id, table.c.dedupe_key)


_INSERTS: dict[str, tuple[Insert, Insert]] = {
    "postgresql": _insert_ignoring_duplicates(postgresql), "sqlite": _insert_ignoring_duplicates(sqlite),
}


def _columns(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "workspace_id": entry.workspace_id,
        "recipient_id": entry.recipient_id,
        "conversation": entry.conversation,
        "task_id": entry.task_id,
        "kind": entry.kind,
        "payload": entry.payload,
        "dedupe_key": entry.dedupe_key,
        "created_at": entry.created_at,
        "not_before": entry.not_before,
        "state": entry.state.value,
        "attempts": entry.attempts,
        "last_error": entry.last_error,
        "sent_at": entry.sent_at,
    }


def _to_entry(row: OutboxRow) -> OutboxEntry:
    return OutboxEntry(
        workspace_id=row.workspace_id,
        kind=row.kind,
        payload=row.payload,
        dedupe_key=row.dedupe_key,
        created_at=row.created_at,
        not_before=row.not_before,
        recipient_id=row.recipient_id,
        conversation=row.conversation,
        task_id=row.task_id,
        state=DeliveryState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        sent_at=row.sent_at,
        id=row.id,
    )
