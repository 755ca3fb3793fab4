"""SIGTERM: `tandem run` finishes the send under way, hands back its lease and claims, and exits 0; the image's
health check answers against it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import LeaseRow, OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import accept_notice, enqueue, seed_workspace
from tests.fakeslack import FakeSlack
from tests.process.running import fake_slack_with, start_tandem, wait_until, write_config

ROOT = Path(__file__).resolve().parents[2]
USERS = [f"U{n:03d}" for n in range(12)]


def healthcheck_command() -> list[str]:
    """The command of the Dockerfile's HEALTHCHECK (exec form)."""
    line = next(row for row in (ROOT / "Dockerfile").read_text().splitlines() if row.startswith("HEALTHCHECK"))
    return list(json.loads(line.split(" CMD ", 1)[1]))


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack_with(USERS) as fake:
        yield fake


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[str, SqlUnitOfWorkFactory]]:
    url = f"sqlite:///{tmp_path / 'tandem.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    yield url, SqlUnitOfWorkFactory(engine)
    engine.dispose()


def test_sigterm_finishes_the_send_in_flight_releases_everything_and_exits_0(
    tmp_path: Path, fake: FakeSlack, database: tuple[str, SqlUnitOfWorkFactory]
) -> None:
    url, factory = database
    seeded = seed_workspace(factory, USERS)
    config = write_config(tmp_path, url, fake, lease_seconds=60)
    process = start_tandem(config)
    try:
        process.wait_ready()
        path = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
        env = {**os.environ, "TANDEM_CONFIG": str(config), "PATH": path}
        health = subprocess.run(healthcheck_command(), env=env, capture_output=True, text=True, timeout=60)
        assert health.returncode == 0, health.stderr
        fake.slow_next(1, delay=2, then_accept=True)  # the first message is still in flight at SIGTERM
        enqueue(factory, seeded.workspace_id, [accept_notice(p, f"stop:{p.id}") for p in seeded.people.values()])
        wait_until(lambda: fake.calls() > 0, 30, "a message in flight")
        process.process.send_signal(signal.SIGTERM)
        assert process.exit_code(30) == 0, process.errors
    finally:
        if process.poll() is None:
            process.kill()
    assert "Tandem stopped" in process.errors
    with make_engine(url).connect() as connection:
        rows = connection.execute(select(OutboxRow.state, OutboxRow.claimed_by)).all()
        leases = connection.execute(select(LeaseRow)).all()
    assert sum(state == "sent" for state, _ in rows) == len(fake.posted) >= 1  # every accepted send is recorded
    assert [claimed for state, claimed in rows if state == "pending" and claimed] == []
    assert leases == []
