"""Claiming a request asked of a group: of any number of concurrent claimers exactly one wins, on every backend."""
from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import Engine, text

from core.bus import Bus
from core.clock import FixedClock
from core.commands import AddTask, ClaimRequest, Speaker
from core.errors import Conflict
from core.identity import Identity
from core.teams import GroupFacts
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import NOW

CLAIMERS = ("ann", "ben", "cat", "dan", "eve", "fay")
DEADLINE = 30.0


def _asked(bus: Bus) -> tuple[dict[str, Speaker], int]:
    """A group of six with a request asked of it by @req; the claimers' speakers and the task's id."""
    speakers = {name: bus.identify(Identity("console", "acme", "acme", name, name, handle=name))
                for name in ("req", *CLAIMERS)}
    bus.record_group(GroupFacts("console", "acme", "design", "design", CLAIMERS))
    bus.execute(AddTask("someone from @design review the mockups by friday"), speakers["req"])
    with bus.uow_factory() as uow:
        task = uow.tasks.get(speakers["req"].workspace_id, 1)
        assert task is not None and task.id is not None
        return speakers, task.id


def test_concurrent_claimers_through_the_bus_exactly_one_wins(uow_factory: SqlUnitOfWorkFactory) -> None:
    bus = Bus(uow_factory, FixedClock(NOW))
    speakers, task_id = _asked(bus)
    start = threading.Barrier(len(CLAIMERS))
    won: list[str] = []
    lost: list[str] = []
    errors: list[BaseException] = []

    def claim(name: str) -> None:
        start.wait()
        try:
            bus.execute(ClaimRequest(1), speakers[name])
            won.append(name)
        except Conflict as refused:
            lost.append(refused.user_message)
        except BaseException as error:
            errors.append(error)

    workers = [threading.Thread(target=claim, args=(name,)) for name in CLAIMERS]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(DEADLINE)
    assert errors == [] and len(won) == 1 and len(lost) == len(CLAIMERS) - 1
    assert all(message.startswith(f"@{won[0]} already took T-1") for message in lost)
    with uow_factory() as uow:
        task = uow.tasks.get_by_id(task_id)
        request = uow.teams.request_for_task(task_id)
        assert task is not None and request is not None
        assert task.owner_id == request.claimed_by == speakers[won[0]].person_id
        told = [e for e in uow.outbox.pending(100, NOW + timedelta(days=1)) if e.kind == "claimed"]
        assert [e.recipient_id for e in told] == [speakers["req"].person_id]


@pytest.mark.postgres
def test_a_claim_waiting_on_an_uncommitted_claim_loses_once_it_commits(engine: Engine,
                                                                        uow_factory: SqlUnitOfWorkFactory) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row locks that make a second claim wait are PostgreSQL's; SQLite has one writer")
    bus = Bus(uow_factory, FixedClock(NOW))
    speakers, task_id = _asked(bus)
    with uow_factory() as first:
        request = first.teams.request_for_task(task_id)
        assert request is not None and request.id is not None
        assert first.teams.claim(request.id, speakers["ann"].person_id, NOW)
        second: list[bool] = []
        racer = threading.Thread(target=lambda: second.append(_claim_alone(uow_factory, request.id or 0,
                                                                            speakers["ben"].person_id)))
        racer.start()
        _wait_until_blocked(engine)
        first.commit()
    racer.join(DEADLINE)
    assert second == [False]
    with uow_factory() as uow:
        stored = uow.teams.request_for_task(task_id)
        assert stored is not None and stored.claimed_by == speakers["ann"].person_id


def _claim_alone(uow_factory: SqlUnitOfWorkFactory, request_id: int, person_id: int) -> bool:
    with uow_factory() as uow:
        won = uow.teams.claim(request_id, person_id, NOW)
        uow.commit()
    return won


def _wait_until_blocked(engine: Engine) -> None:
    """Until another session waits on a row lock (the second claim's UPDATE), with a generous deadline."""
    deadline = time.monotonic() + DEADLINE
    with engine.connect() as probe:
        while time.monotonic() < deadline:
            waiting = probe.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                         "AND datname = current_database()")).scalar()
            probe.rollback()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError("the second claim never waited on the first")
