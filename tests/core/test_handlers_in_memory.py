"""Handlers through the real bus on in-memory fakes: fast checks of behaviour and atomicity."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.bus import Bus
from core.clock import FixedClock
from core.commands import AcceptTask, AddTask, ProposeDue, Speaker
from core.errors import NotFound
from core.identity import Identity
from core.outbox import OutboxEntry
from core.people import PersonDefaults
from tests.fakes import FakeUnitOfWork, Store

NOW = datetime(2026, 3, 26, 16, 30, tzinfo=UTC)


@pytest.fixture
def store() -> Store:
    return Store()


@pytest.fixture
def bus(store: Store) -> Bus:
    return Bus(lambda: FakeUnitOfWork(store), FixedClock(NOW), PersonDefaults(tz="Europe/Berlin"))


def _speaker(bus: Bus, name: str) -> Speaker:
    return bus.identify(Identity("test", "w1", "W1", name, name.title(), handle=name))


def _outbox(store: Store) -> list[OutboxEntry]:
    return list(store.table("outbox").values())


def test_a_request_writes_the_task_and_the_owners_notice_together(bus: Bus, store: Store) -> None:
    alice, bob = _speaker(bus, "alice"), _speaker(bus, "bob")
    outcome = bus.execute(AddTask("@bob send the report by friday"), alice)
    assert [n.recipient_id for n in outcome.notices] == [bob.person_id]
    assert [e.kind for e in _outbox(store)] == ["request"]
    assert "Created T-1" in outcome.reply.text


def test_a_failing_command_leaves_no_task_and_no_notice(bus: Bus, store: Store) -> None:
    alice = _speaker(bus, "alice")
    with pytest.raises(NotFound):
        bus.execute(AddTask("@nobody send the report by friday"), alice)
    assert store.table("tasks") == {} and _outbox(store) == []


def test_the_proposal_round_trip_ends_committed_on_the_new_date(bus: Bus, store: Store) -> None:
    alice, bob = _speaker(bus, "alice"), _speaker(bus, "bob")
    bus.execute(AddTask("@bob send the report by friday"), alice)
    bus.execute(ProposeDue(1, "2026-04-02"), bob)
    outcome = bus.execute(AcceptTask(1), alice)
    assert "due Thu 2 Apr" in outcome.reply.text
    assert [e.kind for e in _outbox(store)] == ["request", "proposal", "agreed"]
