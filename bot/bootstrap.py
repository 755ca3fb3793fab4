"""The composition root: builds database, unit of work, bus and deliverer from the validated config."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from bot.config import Config
from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from bot.metrics.prometheus import PrometheusObserver
from core.bus import Bus
from core.clock import Clock
from core.delivery import Sender
from core.people import PersonDefaults
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from storage.database import make_engine
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory


@dataclass
class Tandem:
    """Everything a running Tandem needs, wired once."""

    config: Config
    engine: Engine
    uow_factory: SqlUnitOfWorkFactory
    clock: Clock
    bus: Bus
    scheduler: Scheduler
    metrics: PrometheusObserver

    def deliverer(self, senders: dict[str, Sender], worker_id: str | None = None, concurrency: int = 1) -> Deliverer:
        """The outbox deliverer; `concurrency` sending threads per workspace (one channel stays in order)."""
        lease = timedelta(seconds=self.config.scheduler.delivery_lease_seconds)
        return Deliverer(self.uow_factory, senders, self.clock, worker_id, lease, concurrency=concurrency,
                         observer=self.metrics)

    def close(self) -> None:
        self.engine.dispose()


def build(config: Config, clock: Clock, migrate: bool = True) -> Tandem:
    """Connect to the configured database (migrating it to the latest schema) and wire the core."""
    engine = make_engine(config.database.url)
    if migrate:
        upgrade(engine)
    uow_factory = SqlUnitOfWorkFactory(engine)
    policy, holidays = policy_from(config), PublicHolidays()
    metrics = PrometheusObserver()
    metrics.watch_outbox(lambda: outbox_backlog(uow_factory, clock), clock.now)
    bus = Bus(uow_factory, clock, person_defaults(config), policy, holidays, config.web.base_url, metrics)
    scheduler = Scheduler(uow_factory, clock, policy, holidays, observer=metrics)
    return Tandem(config, engine, uow_factory, clock, bus, scheduler, metrics)


def outbox_backlog(uow_factory: SqlUnitOfWorkFactory, clock: Clock) -> tuple[int, datetime | None]:
    """How many notices wait, and since when the oldest due one has (for /metrics)."""
    with uow_factory() as uow:
        return uow.delivery.backlog(clock.now())


def person_defaults(config: Config) -> PersonDefaults:
    """What a newcomer starts with, from app.yaml `defaults`."""
    d = config.defaults
    return PersonDefaults(d.timezone, d.working_days, d.working_hours.start, d.working_hours.end, d.digest_time,
                          d.language, d.holiday_country, d.thread_updates)


def policy_from(config: Config) -> SchedulePolicy:
    """The scheduler's tunables from app.yaml."""
    settings = config.scheduler
    return SchedulePolicy(
        reminder_lead=settings.reminder_lead, follow_up_after_hours=settings.follow_up_after_hours,
        escalate_after_nudges=settings.escalate_after_nudges,
        tell_project_owner=settings.overdue_notify_project_owner, project_digest_day=settings.project_digest_day,
    )
