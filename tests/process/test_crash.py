"""SIGKILL in the middle of delivery: the restart comes up at once and delivers every notice, doubling at most
those the platform had accepted when the process died (the documented window, docs/delivery.md)."""
from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import LeaseRow, OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import accept_notice, enqueue, seed_workspace
from tests.fakeslack import FakeSlack
from tests.process.running import (
    add_due_reminders,
    fake_slack_with,
    start_tandem,
    stop,
    wait_until,
    write_config,
)

USERS = [f"U{n:03d}" for n in range(24)]
IN_FLIGHT_AT_MOST = 4  # `tandem run` sends with four threads per workspace


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with fake_slack_with(USERS) as fake:
        yield fake


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    url = f"sqlite:///{tmp_path / 'tandem.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    yield url, engine
    engine.dispose()


def recorded(engine: Engine, user_of: dict[int, str]) -> dict[str, str]:
    """Slack user -> the state of their notice's outbox row."""
    with Session(engine) as session:
        rows = session.execute(select(OutboxRow.recipient_id, OutboxRow.state)).all()
    return {user_of[recipient]: state for recipient, state in rows}


def scheduler_holder(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(select(LeaseRow.holder).where(LeaseRow.name == "scheduler"))


def test_a_process_killed_mid_delivery_restarts_at_once_and_doubles_only_the_window(
    tmp_path: Path, fake: FakeSlack, sqlite_engine: tuple[str, Engine]
) -> None:
    url, engine = sqlite_engine
    factory = SqlUnitOfWorkFactory(engine)
    seeded = seed_workspace(factory, USERS)
    user_of = {person.id or 0: user for user, person in seeded.people.items()}
    people = list(seeded.people.values())
    enqueue(factory, seeded.workspace_id, [accept_notice(p, f"crash:{p.id}") for p in people[:16]])
    add_due_reminders(factory, seeded.workspace_id, [p.id or 0 for p in people[16:]])
    config = write_config(tmp_path, url, fake, lease_seconds=5)

    first = start_tandem(config)
    first.wait_ready()
    wait_until(lambda: len(fake.posted) >= 6, 60, "the first messages")
    fake.slow_next(1, delay=60)  # the next message hangs in flight, unanswered…
    calls = fake.calls()
    wait_until(lambda: fake.calls() > calls, 60, "a message in flight")
    first.kill()  # …when the process dies
    recorded_at_kill = recorded(engine, user_of)

    restarted = start_tandem(config)
    try:
        restarted.wait_ready()  # not refused: the dead process's scheduler lease is taken over at once
        assert scheduler_holder(engine) == f"{socket.gethostname()}:{restarted.pid}"
        wait_until(lambda: len(recorded(engine, user_of)) == len(USERS)
                   and set(recorded(engine, user_of).values()) == {"sent"}, 120, "every notice recorded as sent")
    finally:
        errors = stop(restarted)
    posts = Counter(post.channel for post in fake.posted)
    assert set(posts) == set(USERS), errors
    sent_before = {user for user, state in recorded_at_kill.items() if state == "sent"}
    assert all(posts[user] == 1 for user in sent_before), posts
    doubled = {user for user, count in posts.items() if count > 1}
    assert all(posts[user] == 2 for user in doubled) and len(doubled) <= IN_FLIGHT_AT_MOST, posts
    assert "Traceback" not in errors, errors


def test_a_second_process_on_the_same_sqlite_database_is_refused_clearly(
    tmp_path: Path, fake: FakeSlack, sqlite_engine: tuple[str, Engine]
) -> None:
    url, _ = sqlite_engine
    config = write_config(tmp_path, url, fake)
    first = start_tandem(config)
    try:
        first.wait_ready()
        second = start_tandem(config)
        assert second.exit_code() == 2
        refusal = stop(second)
        holder = f"{socket.gethostname()}:{first.pid}"
        assert f"Another Tandem process ({holder}) has been running the scheduler" in refusal, refusal
        assert " since " in refusal and "runs until" in refusal and f"`ps -p {first.pid}`" in refusal
        assert "use PostgreSQL to run several" in refusal
        assert first.poll() is None
    finally:
        stop(first)
