"""The outbox stores each notice once, and hands due ones to exactly one deliverer at a time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, select

from core.outbox import DeliveryState, OutboxEntry
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace

LEASE = timedelta(minutes=5)


def entry(workspace_id: int, key: str, delay: timedelta = timedelta(0), **fields: object) -> OutboxEntry:
    return OutboxEntry(
        workspace_id=workspace_id,
        kind="reminder",
        payload={"text": f"about {key}", "refs": [1, 2]},
        dedupe_key=key,
        created_at=NOW,
        not_before=NOW + delay,
        **fields,  # type: ignore[arg-type]
    )


def seed(uow_factory: SqlUnitOfWorkFactory, count: int) -> int:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        for index in range(count):
            uow.outbox.add(entry(workspace.id, f"k{index}"))
        uow.commit()
        return workspace.id


def test_an_entry_round_trips_with_its_payload(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        task = add_task(uow, ana)
        assert workspace.id is not None
        stored = entry(workspace.id, "reminder:1", recipient_id=ana.id, conversation="C1", task_id=task.id)
        assert uow.outbox.add(stored) is True
        uow.commit()
    with uow_factory() as uow:
        assert stored.id is not None
        assert list(uow.outbox.pending(10, NOW)) == [stored]


def test_the_same_dedupe_key_is_stored_only_once(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        assert uow.outbox.add(entry(workspace.id, "digest:1:2025-03-14")) is True
        uow.commit()
    with uow_factory() as uow:
        again = entry(workspace.id, "digest:1:2025-03-14")
        assert uow.outbox.add(again) is False
        assert again.id is None
        uow.commit()
    with uow_factory() as uow:
        assert len(uow.outbox.pending(10, NOW)) == 1


def test_pending_holds_back_future_and_finished_entries(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        uow.outbox.add(entry(workspace.id, "now"))
        uow.outbox.add(entry(workspace.id, "later", timedelta(hours=1)))
        sent = entry(workspace.id, "sent")
        uow.outbox.add(sent)
        sent.state = DeliveryState.SENT
        sent.sent_at = NOW
        uow.outbox.save(sent)
        assert [e.dedupe_key for e in uow.outbox.pending(10, NOW)] == ["now"]
        assert [e.dedupe_key for e in uow.outbox.pending(10, NOW + timedelta(hours=1))] == ["now", "later"]
        assert [e.dedupe_key for e in uow.outbox.pending(1, NOW + timedelta(hours=1))] == ["now"]


def test_claimed_entries_are_not_claimed_again_until_the_lease_ends(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    seed(uow_factory, 3)
    with uow_factory() as uow:
        first = uow.outbox.claim(2, NOW, "worker-a", LEASE)
        uow.commit()
    with uow_factory() as uow:
        second = uow.outbox.claim(2, NOW, "worker-b", LEASE)
        expired = uow.outbox.claim(5, NOW + LEASE, "worker-c", LEASE)
    assert [e.dedupe_key for e in first] == ["k0", "k1"]
    assert [e.dedupe_key for e in second] == ["k2"]
    assert [e.dedupe_key for e in expired] == ["k0", "k1", "k2"]


def test_marking_records_the_outcome_of_each_attempt(uow_factory: SqlUnitOfWorkFactory, engine: Engine) -> None:
    seed(uow_factory, 3)
    with uow_factory() as uow:
        sent, retried, failed = uow.outbox.claim(3, NOW, "worker", LEASE)
        assert sent.id is not None and retried.id is not None and failed.id is not None
        uow.outbox.mark_sent(sent.id, NOW)
        uow.outbox.mark_retry(retried.id, NOW + timedelta(minutes=1), "429 slow down")
        uow.outbox.mark_failed(failed.id, "channel_not_found")
        uow.commit()
    with uow_factory() as uow:
        assert uow.outbox.pending(10, NOW) == []
        (again,) = uow.outbox.claim(10, NOW + timedelta(minutes=1), "worker", LEASE)
        assert (again.dedupe_key, again.attempts, again.last_error) == ("k1", 1, "429 slow down")
    assert _states(engine) == {
        "k0": (DeliveryState.SENT, 1, None, True),
        "k1": (DeliveryState.PENDING, 1, "429 slow down", False),
        "k2": (DeliveryState.FAILED, 1, "channel_not_found", False),
    }


def test_marking_an_unknown_entry_fails_loudly(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow, pytest.raises(LookupError):
        uow.outbox.mark_sent(4242, NOW)


@pytest.mark.postgres
def test_concurrent_claims_on_postgres_get_disjoint_rows(uow_factory: SqlUnitOfWorkFactory, engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite has a single writer")
    seed(uow_factory, 5)
    with uow_factory() as first, uow_factory() as second:
        mine = first.outbox.claim(2, NOW, "worker-a", LEASE)
        theirs = second.outbox.claim(2, NOW, "worker-b", LEASE)
        first.commit()
        second.commit()
    assert [e.dedupe_key for e in mine] == ["k0", "k1"]
    assert [e.dedupe_key for e in theirs] == ["k2", "k3"]


def _states(engine: Engine) -> dict[str, tuple[DeliveryState, int, str | None, bool]]:
    with engine.connect() as connection:
        rows = connection.execute(select(OutboxRow).order_by(OutboxRow.id)).all()
    return {
        row.dedupe_key: (DeliveryState(row.state), row.attempts, row.last_error, row.sent_at is not None)
        for row in rows
    }
