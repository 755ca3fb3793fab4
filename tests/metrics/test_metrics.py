"""What /metrics counts, read back from the registry as Prometheus would: commands by verb and outcome,
deliveries and 429s by platform, the outbox backlog at scrape time, and reminder lateness."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import generate_latest

from bot.bootstrap import outbox_backlog
from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from bot.metrics.prometheus import PrometheusObserver
from core import commands as c
from core.bus import Bus
from core.clock import FixedClock
from core.due import Due
from core.errors import NotFound
from core.identity import Identity
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from core.tasks import Task
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import Seeded, accept_notice, enqueue
from tests.delivery.conftest import slack_sender, steady_policy
from tests.fakeslack import FakeSlack


def _value(observer: PrometheusObserver, name: str, **labels: str) -> float:
    return observer.registry.get_sample_value(name, labels) or 0.0


def test_commands_are_counted_by_verb_and_outcome(uow_factory: SqlUnitOfWorkFactory) -> None:
    observer = PrometheusObserver()
    bus = Bus(uow_factory, FixedClock(datetime(2026, 3, 2, 9, tzinfo=UTC)), observer=observer)
    alice = bus.identify(Identity("console", "acme", "acme", "alice", "alice", handle="alice"))
    bus.execute(c.AddTask("send the report by friday"), alice)
    with pytest.raises(NotFound):
        bus.execute(c.ShowTask(42), alice)
    assert _value(observer, "tandem_commands_total", verb="AddTask", outcome="ok") == 1
    assert _value(observer, "tandem_commands_total", verb="ShowTask", outcome="refused") == 1


def test_deliveries_and_429s_are_counted_per_platform_and_the_backlog_is_read_at_scrape(
    uow_factory: SqlUnitOfWorkFactory, seeded: Seeded, fake_slack: FakeSlack, clock: FixedClock,
) -> None:
    observer = PrometheusObserver()
    observer.watch_outbox(lambda: outbox_backlog(uow_factory, clock), clock.now)
    deliverer = Deliverer(uow_factory, {"slack": slack_sender(fake_slack)}, clock, "worker-a", policy=steady_policy(),
                          lease_clock=clock, observer=observer)
    try:
        enqueue(uow_factory, seeded.workspace_id, [accept_notice(seeded.people["U100"], "request:1")])
        clock.advance(timedelta(minutes=2))
        assert "tandem_outbox_pending 1.0" in generate_latest(observer.registry).decode()
        assert _value(observer, "tandem_outbox_oldest_due_seconds") == 120
        fake_slack.rate_limit_next(1, retry_after=1)
        assert deliverer.run_once() == 0
        clock.advance(timedelta(seconds=1))
        assert deliverer.run_once() == 1
    finally:
        deliverer.close()
    assert _value(observer, "tandem_deliveries_total", platform="slack", outcome="retry") == 1
    assert _value(observer, "tandem_deliveries_total", platform="slack", outcome="sent") == 1
    assert _value(observer, "tandem_rate_limited_total", platform="slack") == 1
    assert _value(observer, "tandem_outbox_pending") == 0
    assert _value(observer, "tandem_outbox_oldest_due_seconds") == 0


def test_a_reminder_sent_late_is_measured_by_how_late_it_was(uow_factory: SqlUnitOfWorkFactory) -> None:
    now = datetime(2026, 3, 2, 10, tzinfo=UTC)
    observer = PrometheusObserver()
    bus = Bus(uow_factory, FixedClock(now))
    alice = bus.identify(Identity("console", "acme", "acme", "alice", "alice", handle="alice"))
    with uow_factory() as uow:
        due = Due.instant(now + timedelta(minutes=30), "UTC")
        uow.tasks.add(Task(alice.workspace_id, uow.tasks.next_number(alice.workspace_id), "file the report",
                           alice.person_id, alice.person_id, now, now, due=due,
                           next_reminder_at=now - timedelta(minutes=3), reminder_stage="before"))
        uow.commit()
    Scheduler(uow_factory, FixedClock(now), SchedulePolicy(), PublicHolidays(), observer=observer).run_reminders()
    assert _value(observer, "tandem_reminder_lateness_seconds_count") == 1
    assert _value(observer, "tandem_reminder_lateness_seconds_sum") == 180
