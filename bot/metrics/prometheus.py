"""Tandem's Prometheus metrics: one registry per process, fed by the Observer port and read at /metrics."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("tandem.metrics")

LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)
LATENESS_BUCKETS = (1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0)
Backlog = Callable[[], tuple[int, datetime | None]]


class PrometheusObserver:
    """The Observer port, counting into its own registry (no global state: each Tandem has its own)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.commands = Counter("tandem_commands", "Commands run, by verb and outcome (ok, refused, error).",
                                ["verb", "outcome"], registry=r)
        self.ack = Histogram("tandem_ack_seconds", "Time from a platform request reaching Tandem to its "
                             "acknowledgement, by platform.", ["platform"], buckets=LATENCY_BUCKETS, registry=r)
        self.deliveries = Counter("tandem_deliveries", "Outbox sends, by platform and outcome (sent, retry, failed).",
                                  ["platform", "outcome"], registry=r)
        self.rate_limited = Counter("tandem_rate_limited", "Sends the platform answered with HTTP 429, by platform.",
                                    ["platform"], registry=r)
        self.scheduler_lag = Histogram("tandem_scheduler_lag_seconds", "How late a scheduler tick started after "
                                       "its planned time.", buckets=LATENESS_BUCKETS, registry=r)
        self.reminder_lateness = Histogram("tandem_reminder_lateness_seconds", "How late a reminder was written "
                                           "to the outbox after its planned time.", buckets=LATENESS_BUCKETS,
                                           registry=r)

    def command_done(self, verb: str, outcome: str) -> None:
        self.commands.labels(verb, outcome).inc()

    def acknowledged(self, platform: str, seconds: float) -> None:
        self.ack.labels(platform).observe(seconds)

    def delivered(self, platform: str, outcome: str, *, rate_limited: bool = False) -> None:
        self.deliveries.labels(platform, outcome).inc()
        if rate_limited:
            self.rate_limited.labels(platform).inc()

    def reminder_fired(self, late_seconds: float) -> None:
        self.reminder_lateness.observe(max(0.0, late_seconds))

    def tick_started(self, late_seconds: float) -> None:
        self.scheduler_lag.observe(max(0.0, late_seconds))

    def watch_outbox(self, backlog: Backlog, now: Callable[[], datetime]) -> None:
        """Read the outbox's backlog from the database whenever /metrics is scraped."""
        self.registry.register(OutboxCollector(backlog, now))


class OutboxCollector(Collector):
    """tandem_outbox_pending and tandem_outbox_oldest_due_seconds, computed at scrape time."""

    def __init__(self, backlog: Backlog, now: Callable[[], datetime]) -> None:
        self.backlog, self.now = backlog, now

    def describe(self) -> Iterator[GaugeMetricFamily]:
        return iter(())  # computed at scrape only: never read when registering

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            count, oldest = self.backlog()
        except SQLAlchemyError as error:  # /readyz says what is wrong with the database; the rest still shows
            log.warning("outbox metrics unavailable: %s", type(error).__name__)
            return
        age = max(0.0, (self.now() - oldest).total_seconds()) if oldest is not None else 0.0
        yield GaugeMetricFamily("tandem_outbox_pending", "Notices waiting to be sent, held back or due.", value=count)
        yield GaugeMetricFamily("tandem_outbox_oldest_due_seconds", "How long the oldest due notice has waited "
                                "(0 when none is due).", value=age)
