"""Delivery claims run on real time, whatever the clock that decides which notices are due (the console's sandbox)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from adapters.console.render import BotMessage
from adapters.console.sender import ConsoleSender
from bot.delivery.deliverer import Deliverer
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from core.sandbox import SandboxClock
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import accept_notice, enqueue

LEASE = timedelta(seconds=60)


class DiesMidDelivery(ConsoleSender):
    """A console whose process is killed while it prints the notice."""

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> None:
        raise SystemExit("killed")


def console_notice(uow_factory: SqlUnitOfWorkFactory, due: datetime) -> None:
    with uow_factory() as uow:
        room = uow.workspaces.add(Workspace(platform="console", external_id="sandbox", name="sandbox"))
        assert room.id is not None
        bob = uow.people.add(Person(workspace_id=room.id, display_name="bob", handle="bob"))
        uow.commit()
    enqueue(uow_factory, room.id, [accept_notice(bob, "console:bob")], not_before=due)


@pytest.mark.parametrize("sandbox_start", [datetime(2026, 3, 2, 9, tzinfo=UTC), datetime(2099, 1, 1, tzinfo=UTC)])
def test_a_console_killed_mid_delivery_leaves_a_claim_that_ends_one_real_lease_later(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, sandbox_start: datetime
) -> None:
    sandbox = SandboxClock(sandbox_start)
    console_notice(uow_factory, due=sandbox_start)
    printed: list[BotMessage] = []
    before = datetime.now(UTC)
    with pytest.raises(SystemExit):
        Deliverer(uow_factory, {"console": DiesMidDelivery(printed.append)}, sandbox, "console", LEASE).run_once()
    after = datetime.now(UTC)

    with Session(engine) as session:
        row = session.scalars(select(OutboxRow)).one()
    assert row.state == "pending" and row.claimed_by == "console"
    assert row.claimed_until is not None and before + LEASE <= row.claimed_until <= after + LEASE
    assert row.not_before == sandbox_start  # the notice's own time stays on the sandbox clock


def test_a_restarted_console_delivers_once_the_real_lease_is_over(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine
) -> None:
    sandbox = SandboxClock(datetime(2099, 1, 1, tzinfo=UTC))
    console_notice(uow_factory, due=sandbox.now())
    printed: list[BotMessage] = []
    real = SandboxClock()  # real time, moved forward by hand below
    with pytest.raises(SystemExit):
        Deliverer(uow_factory, {"console": DiesMidDelivery(printed.append)}, sandbox, "first", LEASE,
                  lease_clock=real).run_once()

    restarted = Deliverer(uow_factory, {"console": ConsoleSender(printed.append)}, sandbox, "second", LEASE,
                          lease_clock=real)
    assert restarted.run_once() == 0  # the first console's claim still runs
    real.advance(LEASE)
    assert restarted.run_once() == 1
    assert [message.to for message in printed] == ["@bob"]
