"""The scheduler lease belongs to a live Tandem process: a gone or foreign pid on this host is replaced at once."""
from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.serving.scheduler_lease import LEASE, SchedulerLease, holder_alive, refusal_text
from core.ports import Lease
from core.sandbox import SandboxClock
from storage.uow import SqlUnitOfWorkFactory

TTL = timedelta(seconds=30)
HOST = socket.gethostname()


@pytest.fixture
def sleeper() -> Iterator[subprocess.Popen[bytes]]:
    """A live process on this host that is not Tandem."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    yield process
    process.kill()
    process.wait()


def gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()  # reaped: the pid is gone
    return process.pid


def held_by(uow_factory: SqlUnitOfWorkFactory, holder: str) -> None:
    with uow_factory() as uow:
        assert uow.leases.acquire(LEASE, holder, datetime.now(UTC), TTL)
        uow.commit()


def holder(uow_factory: SqlUnitOfWorkFactory) -> str | None:
    with uow_factory() as uow:
        lease = uow.leases.current(LEASE)
    return lease.holder if lease else None


def test_a_lease_left_by_a_process_that_is_gone_is_taken_at_once(uow_factory: SqlUnitOfWorkFactory) -> None:
    held_by(uow_factory, f"{HOST}:{gone_pid()}")
    assert SchedulerLease(uow_factory, f"{HOST}:1000001", TTL).claim()
    assert holder(uow_factory) == f"{HOST}:1000001"


def test_a_lease_whose_pid_now_belongs_to_another_program_is_taken_at_once(
    uow_factory: SqlUnitOfWorkFactory, sleeper: subprocess.Popen[bytes]
) -> None:
    held_by(uow_factory, f"{HOST}:{sleeper.pid}")
    assert not holder_alive(f"{HOST}:{sleeper.pid}")
    assert SchedulerLease(uow_factory, f"{HOST}:1000001", TTL).claim()


def test_a_holder_on_another_host_keeps_the_lease_until_it_ends_and_the_refusal_says_who_and_how_to_check(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    held_by(uow_factory, "elsewhere.example:4242")
    real = SandboxClock()
    lease = SchedulerLease(uow_factory, f"{HOST}:1000001", TTL, clock=real)
    assert not lease.claim()
    refusal = lease.refusal()
    assert refusal.startswith("Another Tandem process (elsewhere.example:4242) has been running the scheduler")
    assert "`ps -p 4242` on elsewhere.example" in refusal and "use PostgreSQL to run several" in refusal
    real.advance(TTL)
    assert lease.claim()
    assert holder(uow_factory) == f"{HOST}:1000001"


def test_a_renewal_keeps_since_and_a_new_holder_starts_it_again(uow_factory: SqlUnitOfWorkFactory) -> None:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with uow_factory() as uow:
        assert uow.leases.acquire(LEASE, "a:1", start, TTL)
        assert uow.leases.acquire(LEASE, "a:1", start + timedelta(seconds=10), TTL)
        assert uow.leases.current(LEASE) == Lease(LEASE, "a:1", start, start + timedelta(seconds=40))
        assert uow.leases.take_over(LEASE, "a:1", "b:2", start + timedelta(seconds=20), TTL)
        assert not uow.leases.take_over(LEASE, "a:1", "c:3", start + timedelta(seconds=20), TTL)
        assert uow.leases.current(LEASE) == Lease(LEASE, "b:2", start + timedelta(seconds=20),
                                                  start + timedelta(seconds=50))


def test_the_refusal_names_the_holder_since_until_and_the_command_to_check_it() -> None:
    since, until = datetime(2026, 3, 2, 9, tzinfo=UTC), datetime(2026, 3, 2, 9, 5, tzinfo=UTC)
    assert refusal_text(Lease(LEASE, "box:77", since, until)) == (
        "Another Tandem process (box:77) has been running the scheduler on this SQLite database since "
        "2026-03-02 09:00:00 UTC (its lease runs until 2026-03-02 09:05:00 UTC unless it renews it). "
        "Check it with `ps -p 77` on box. SQLite serves one process: stop the other one, or use PostgreSQL to "
        "run several."
    )
