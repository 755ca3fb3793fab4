"""The scheduler's cleanup job: a fixed-id hourly job that applies app.yaml `retention` to the database."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import func, select

from bot.bootstrap import build
from bot.config import Config, DatabaseConfig
from bot.config.model import RetentionConfig
from bot.serving.retention import clean_up_job
from core.clock import FixedClock
from scheduler.ticks import build_scheduler
from storage.rows import SeenEventRow

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_the_cleanup_job_has_a_fixed_id_and_runs_hourly() -> None:
    jobs = build_scheduler(lambda: None, lambda: None, 15, clean_up=lambda: None)
    job = jobs.get_job("tandem.clean_up")
    assert job is not None and isinstance(job.trigger, IntervalTrigger)
    assert job.trigger.interval == timedelta(hours=1)
    assert build_scheduler(lambda: None, lambda: None, 15).get_job("tandem.clean_up") is None


def test_the_cleanup_job_forgets_event_ids_older_than_app_yaml_says(database_url: str) -> None:
    config = Config(database=DatabaseConfig(database_url), retention=RetentionConfig(seen_events_days=2))
    tandem = build(config, FixedClock(NOW))
    try:
        with tandem.uow_factory() as uow:
            uow.events.first_time("slack:event:old", NOW - timedelta(days=3))
            uow.events.first_time("slack:event:new", NOW - timedelta(days=1))
            uow.commit()
        clean_up_job(tandem)()
        with tandem.engine.connect() as connection:
            assert connection.execute(select(SeenEventRow.key)).scalars().all() == ["slack:event:new"]
            assert connection.execute(select(func.count()).select_from(SeenEventRow)).scalar() == 1
    finally:
        tandem.close()
