"""Two `tandem run` processes sharing one PostgreSQL database: every tick and notice happens exactly once."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import accept_notice, enqueue, seed_workspace
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits
from tests.process.running import TOKEN, add_due_reminders, start_tandem, stop, wait_until, write_config

USERS = [f"U{n:03d}" for n in range(60)]
pytestmark = pytest.mark.postgres


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    limits = Limits(channel_rate=1.0, channel_burst=5, workspace_rate=100, workspace_burst=100)
    with running_fake_slack(limits) as fake:
        fake.add_token(TOKEN, "T1")
        for user in USERS:
            fake.add_user(user)
        yield fake


def test_two_processes_share_the_ticks_and_the_outbox_without_doubles(
    tmp_path: Path, fake: FakeSlack, postgres_url: str
) -> None:
    engine = make_engine(postgres_url)
    upgrade(engine)
    factory = SqlUnitOfWorkFactory(engine)
    seeded = seed_workspace(factory, USERS)
    people = list(seeded.people.values())
    enqueue(factory, seeded.workspace_id, [accept_notice(p, f"pair:{p.id}") for p in people[:30]])
    add_due_reminders(factory, seeded.workspace_id, [p.id or 0 for p in people[30:]])
    configs = [write_config(tmp_path, postgres_url, fake, name=f"app{n}") for n in (1, 2)]
    processes = [start_tandem(config) for config in configs]
    try:
        for process in processes:
            process.wait_ready()
        wait_until(lambda: all_sent(engine, len(USERS)), 120, "every notice recorded as sent")
        assert all(p.poll() is None for p in processes), "both processes keep running on PostgreSQL"
    finally:
        errors = [stop(p) for p in processes]
        engine.dispose()
    assert Counter(post.channel for post in fake.posted) == Counter(USERS), errors


def all_sent(engine: Engine, expected: int) -> bool:
    """Every expected notice is in the outbox and recorded as sent (no process is still working on one)."""
    with Session(engine) as session:
        states = session.scalars(select(OutboxRow.state)).all()
    return len(states) == expected and set(states) == {"sent"}
