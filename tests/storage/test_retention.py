"""Retention: old delivered notices and seen-event keys go, in batches; pending, failed and recent ones stay."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine, select

from core.outbox import DeliveryState, OutboxEntry
from storage.retention import remove_old
from storage.rows import OutboxRow, SeenEventRow
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_workspace

MONTH, WEEK = timedelta(days=30), timedelta(days=7)


def _notice(workspace_id: int, key: str, state: DeliveryState, sent_days_ago: int | None) -> OutboxEntry:
    sent_at = None if sent_days_ago is None else NOW - timedelta(days=sent_days_ago)
    return OutboxEntry(workspace_id=workspace_id, kind="reminder", payload={"text": key}, dedupe_key=key,
                       created_at=NOW - timedelta(days=60), not_before=NOW - timedelta(days=60), state=state,
                       sent_at=sent_at)


def _seed(uow_factory: SqlUnitOfWorkFactory, old_sent: int) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        notices = [_notice(workspace.id, f"old{n}", DeliveryState.SENT, 31) for n in range(old_sent)]
        notices += [_notice(workspace.id, "recent", DeliveryState.SENT, 29),
                    _notice(workspace.id, "pending", DeliveryState.PENDING, None),
                    _notice(workspace.id, "failed", DeliveryState.FAILED, None)]
        uow.outbox.add_many(notices)
        for n, days in enumerate([8, 8, 8, 6]):
            uow.events.first_time(f"slack:event:{n}", NOW - timedelta(days=days))
        uow.commit()


def _left(engine: Engine) -> tuple[list[str], list[str]]:
    with engine.connect() as connection:
        notices = connection.execute(select(OutboxRow.dedupe_key).order_by(OutboxRow.dedupe_key)).scalars().all()
        events = connection.execute(select(SeenEventRow.key)).scalars().all()
    return list(notices), list(events)


def test_old_delivered_notices_and_seen_events_are_removed_and_the_rest_kept(
        engine: Engine, uow_factory: SqlUnitOfWorkFactory) -> None:
    _seed(uow_factory, old_sent=7)
    removed = remove_old(engine, NOW, MONTH, WEEK, batch=3)  # 7 notices: batches of 3, 3 and 1
    assert (removed.delivered, removed.seen_events) == (7, 3)
    assert _left(engine) == (["failed", "pending", "recent"], ["slack:event:3"])


def test_a_second_cleanup_finds_nothing_more(engine: Engine, uow_factory: SqlUnitOfWorkFactory) -> None:
    _seed(uow_factory, old_sent=3)
    assert remove_old(engine, NOW, MONTH, WEEK, batch=3).delivered == 3
    again = remove_old(engine, NOW, MONTH, WEEK, batch=3)
    assert (again.delivered, again.seen_events) == (0, 0)


def test_a_removed_seen_event_counts_as_new_again(engine: Engine, uow_factory: SqlUnitOfWorkFactory) -> None:
    _seed(uow_factory, old_sent=0)
    remove_old(engine, NOW, MONTH, WEEK)
    with uow_factory() as uow:
        assert uow.events.first_time("slack:event:0", NOW)
        assert not uow.events.first_time("slack:event:3", NOW)
