"""APScheduler runs fixed-id jobs; the database, not APScheduler, knows what is due."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.events import EVENT_JOB_SUBMITTED, JobSubmissionEvent
from apscheduler.schedulers.background import BackgroundScheduler

from core.errors import new_reference_id

log = logging.getLogger("tandem.scheduler")
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


def guarded(name: str, work: Callable[[], object]) -> Callable[[], None]:
    """A tick that logs an unexpected error with a reference id and lets the next tick try again."""
    def run() -> None:
        try:
            work()
        except Exception:
            log.exception("tick %s failed (%s); the next tick retries", name, new_reference_id())
    return run


CLEANUP_SECONDS = 3600


def _lag_of(job_id: str, report: Callable[[float], None]) -> Callable[[JobSubmissionEvent], None]:
    def heard(event: JobSubmissionEvent) -> None:
        if event.job_id == job_id and event.scheduled_run_times:
            report((datetime.now(UTC) - max(event.scheduled_run_times)).total_seconds())
    return heard


def build_scheduler(tick: Callable[[], object], deliver: Callable[[], object], tick_seconds: int,
                    deliver_seconds: float = 1.0, clean_up: Callable[[], object] | None = None,
                    clean_up_seconds: float = CLEANUP_SECONDS,
                    tick_lag: Callable[[float], None] | None = None) -> BackgroundScheduler:
    """Never one job per reminder or person: one tick finds due work, one delivers the outbox, and
    `clean_up` (when given) removes old delivered notices and seen-event keys. `tick_lag` hears, as each tick
    starts, how many seconds after its planned time it did."""
    scheduler = BackgroundScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
    if tick_lag is not None:
        scheduler.add_listener(_lag_of("tandem.tick", tick_lag), EVENT_JOB_SUBMITTED)
    scheduler.add_job(guarded("tick", tick), "interval", seconds=tick_seconds, id="tandem.tick",
                      replace_existing=True)
    scheduler.add_job(guarded("deliver", deliver), "interval", seconds=deliver_seconds, id="tandem.deliver",
                      replace_existing=True)
    if clean_up is not None:
        scheduler.add_job(guarded("clean-up", clean_up), "interval", seconds=clean_up_seconds, id="tandem.clean_up",
                          replace_existing=True)
    return scheduler
