"""SIGKILL in the middle of delivery: after a restart every notice arrives exactly once."""
from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.database import make_engine
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import accept_notice, enqueue, seed_workspace
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits
from tests.process.running import TOKEN, add_due_reminders, start_tandem, stop, wait_until, write_config

USERS = [f"U{n:03d}" for n in range(24)]


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake_slack(Limits(channel_rate=1.0, channel_burst=5, workspace_rate=50, workspace_burst=50)) as fake:
        fake.add_token(TOKEN, "T1")
        for user in USERS:
            fake.add_user(user)
        yield fake


@pytest.fixture
def sqlite_factory(tmp_path: Path) -> Iterator[tuple[str, SqlUnitOfWorkFactory]]:
    url = f"sqlite:///{tmp_path / 'tandem.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    yield url, SqlUnitOfWorkFactory(engine)
    engine.dispose()


def test_a_process_killed_mid_delivery_loses_and_doubles_nothing_after_restart(
    tmp_path: Path, fake: FakeSlack, sqlite_factory: tuple[str, SqlUnitOfWorkFactory]
) -> None:
    url, factory = sqlite_factory
    seeded = seed_workspace(factory, USERS)
    people = list(seeded.people.values())
    enqueue(factory, seeded.workspace_id, [accept_notice(p, f"crash:{p.id}") for p in people[:16]])
    add_due_reminders(factory, seeded.workspace_id, [p.id or 0 for p in people[16:]])
    config = write_config(tmp_path, url, fake, lease_seconds=5)

    first = start_tandem(config)
    wait_until(lambda: len(fake.posted) >= 6, 30, "the first messages")
    fake.slow_next(1, delay=60)  # the next message hangs in flight, unanswered…
    calls = fake.calls()
    wait_until(lambda: fake.calls() > calls, 30, "a message in flight")
    first.send_signal(signal.SIGKILL)  # …when the process dies
    first.wait(10)

    restarted = restart_when_allowed(config, timeout=40)
    try:
        wait_until(lambda: len(fake.posted) >= len(USERS), 60, "every notice")
        time.sleep(2)  # give a doubled message the chance to show up
    finally:
        stop(restarted)
    assert Counter(post.channel for post in fake.posted) == Counter(USERS)


def test_a_second_process_on_the_same_sqlite_database_is_refused_clearly(
    tmp_path: Path, fake: FakeSlack, sqlite_factory: tuple[str, SqlUnitOfWorkFactory]
) -> None:
    url, _ = sqlite_factory
    config = write_config(tmp_path, url, fake)
    first = start_tandem(config)
    try:
        time.sleep(3)
        assert first.poll() is None
        second = start_tandem(config)
        assert second.wait(30) == 2
        refusal = stop(second)
        assert "Another Tandem process" in refusal and "use PostgreSQL to run several" in refusal
    finally:
        stop(first)


def restart_when_allowed(config: Path, timeout: float) -> subprocess.Popen[str]:
    """Start `tandem run` until one keeps running: SQLite refuses a second scheduler until the dead one's lease ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process = start_tandem(config)
        try:
            code = process.wait(3)
        except subprocess.TimeoutExpired:
            return process
        assert code == 2, stop(process)
        time.sleep(1)
    raise AssertionError("no restart was allowed")
