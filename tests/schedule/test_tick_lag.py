"""The scheduler's tick tells, as it starts, how late it is against its planned time (for /metrics)."""
from __future__ import annotations

from scheduler.ticks import build_scheduler
from tests.process.running import wait_until


def test_each_tick_reports_its_lag_and_the_delivery_job_does_not() -> None:
    heard: list[float] = []
    ticks: list[int] = []
    deliveries: list[int] = []
    jobs = build_scheduler(lambda: ticks.append(1), lambda: deliveries.append(1), tick_seconds=1,
                           deliver_seconds=0.2, tick_lag=heard.append)
    jobs.start()
    try:
        wait_until(lambda: len(ticks) >= 2 and len(deliveries) >= 5, 30, "two ticks and five deliveries")
    finally:
        jobs.shutdown(wait=True)
    assert len(heard) == len(ticks)  # one report per tick, none for the deliveries
    assert all(0 <= lag < 30 for lag in heard)
