"""UTCDateTime keeps naive datetimes out and gives back aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import StatementError

from storage.rows import WorkspaceRow
from storage.rows.outbox import OutboxRow
from storage.types import UTCDateTime

PLUS_FIVE = timezone(timedelta(hours=5))


def test_a_naive_datetime_is_refused_before_it_reaches_the_database() -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2025, 1, 1, 9, 0), sqlite.dialect())


def test_an_aware_datetime_is_stored_as_utc() -> None:
    stored = UTCDateTime().process_bind_param(datetime(2025, 1, 1, 9, 0, tzinfo=PLUS_FIVE), postgresql.dialect())
    assert stored == datetime(2025, 1, 1, 4, 0, tzinfo=UTC)
    assert stored is not None and stored.utcoffset() == timedelta(0)


def test_a_naive_value_read_from_sqlite_comes_back_as_utc() -> None:
    read = UTCDateTime().process_result_value(datetime(2025, 1, 1, 4, 0), sqlite.dialect())
    assert read == datetime(2025, 1, 1, 4, 0, tzinfo=UTC)
    assert read is not None and read.tzinfo is UTC


def test_writing_a_naive_datetime_through_a_statement_fails(engine: Engine) -> None:
    with engine.begin() as connection:
        workspace_id = _workspace(connection)
        with pytest.raises(StatementError) as raised:
            connection.execute(insert(OutboxRow).values(_outbox_values(workspace_id, datetime(2025, 1, 1))))
    assert isinstance(raised.value.orig, ValueError)


def test_an_instant_in_another_zone_reads_back_as_the_same_instant_in_utc(engine: Engine) -> None:
    local = datetime(2025, 6, 30, 23, 30, tzinfo=PLUS_FIVE)
    with engine.begin() as connection:
        workspace_id = _workspace(connection)
        connection.execute(insert(OutboxRow).values(_outbox_values(workspace_id, local)))
        read = connection.scalar(select(OutboxRow.created_at))
    assert read == local
    assert read is not None and read.tzinfo is UTC
    assert read.hour == 18


def _workspace(connection: Connection) -> int:
    values = {"platform": "console", "external_id": "x", "name": "x", "default_tz": "UTC"}
    return int(connection.execute(insert(WorkspaceRow).values(values).returning(WorkspaceRow.id)).scalar_one())


def _outbox_values(workspace_id: int, when: datetime) -> dict[str, object]:
    return {
        "workspace_id": workspace_id,
        "kind": "notice",
        "payload": {},
        "dedupe_key": "k",
        "created_at": when,
        "not_before": datetime(2025, 1, 1, tzinfo=UTC),
        "state": "pending",
    }
