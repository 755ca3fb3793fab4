"""The batched outbox insert keeps every column exactly as one-by-one inserts do, on both backends."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.outbox import DeliveryState, OutboxEntry
from storage.repositories.outbox import _to_entry
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_every_column_round_trips_through_add_many(uow_factory: SqlUnitOfWorkFactory) -> None:
    berlin = timezone(timedelta(hours=1))
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        task = add_task(uow, ana)
        assert workspace.id is not None
        full = OutboxEntry(workspace_id=workspace.id, kind="reminder", dedupe_key="full",
                           payload={"text": "Ünïcode ' \" \\ {x} 📅", "refs": [1, None], "nested": {"a": True}},
                           created_at=NOW, not_before=(NOW + timedelta(hours=2)).astimezone(berlin),
                           recipient_id=ana.id, conversation="C1", task_id=task.id, state=DeliveryState.FAILED,
                           attempts=3, last_error="HTTP 403", sent_at=NOW)
        bare = OutboxEntry(workspace_id=workspace.id, kind="digest", dedupe_key="bare", payload={},
                           created_at=NOW, not_before=NOW)
        assert uow.outbox.add_many([full, bare]) == 2
        uow.commit()
    with uow_factory() as uow:
        stored = {entry.id: entry for entry in uow.outbox.pending(10, NOW + timedelta(days=1))}
        assert stored == {bare.id: bare}
        full.not_before = full.not_before.astimezone(UTC)
        session = uow._open_session()
        assert _to_entry(session.get_one(OutboxRow, full.id)) == full


def test_a_naive_instant_is_refused(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        naive = OutboxEntry(workspace_id=workspace.id, kind="digest", dedupe_key="naive", payload={},
                            created_at=datetime(2026, 3, 2, 9), not_before=NOW)
        with pytest.raises(Exception, match="naive datetime"):
            uow.outbox.add_many([naive])
