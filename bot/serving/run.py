"""`tandem run`: the scheduler and the deliverer, plus every adapter enabled in app.yaml."""
from __future__ import annotations

import logging
import signal
import sys
import threading
from datetime import timedelta

from apscheduler.schedulers.base import BaseScheduler

from adapters.discord.sender import DiscordLink
from adapters.slack.sender import RemovedWorkspaces
from bot.bootstrap import Tandem, build
from bot.config import Config
from bot.delivery.deliverer import Deliverer
from bot.delivery.senders import senders_for
from bot.discord.main import run_discord
from bot.serving.retention import clean_up_job
from bot.serving.scheduler_lease import SchedulerLease, holder_id
from bot.slack.main import run_slack
from bot.web.server import WebState, run_web
from core.clock import SystemClock
from scheduler.ticks import build_scheduler

log = logging.getLogger("tandem.run")


def claim_scheduler(tandem: Tandem, lease: SchedulerLease) -> bool:
    """On SQLite one process runs the scheduler: take (or renew) the lease. PostgreSQL shares the work."""
    return tandem.engine.dialect.name != "sqlite" or lease.claim()


def run(config: Config, stop: threading.Event | None = None) -> int:
    """Run until SIGTERM/SIGINT (or `stop`); 2 when another process already runs the SQLite scheduler."""
    tandem = build(config, SystemClock())
    holder = holder_id()
    lease = SchedulerLease(tandem.uow_factory, holder, timedelta(seconds=max(10, 3 * config.scheduler.tick_seconds)))
    if not claim_scheduler(tandem, lease):
        print(lease.refusal(), file=sys.stderr)
        tandem.close()
        return 2
    link, removed = DiscordLink(), RemovedWorkspaces()
    deliverer = tandem.deliverer(senders_for(config, tandem, link, removed), holder, concurrency=4)

    def tick() -> None:
        if claim_scheduler(tandem, lease):
            tandem.scheduler.tick()

    jobs = build_scheduler(tick, deliverer.run_once, config.scheduler.tick_seconds, clean_up=clean_up_job(tandem),
                           tick_lag=tandem.metrics.tick_started)
    stop = stop or _stop_on_signals()
    web = WebState()
    if config.serves_web:
        threading.Thread(target=run_web, args=(tandem, stop, web, removed), name="web", daemon=True).start()
    if config.slack.enabled and config.slack.mode == "socket":
        threading.Thread(target=run_slack, args=(config, tandem, stop, removed), name="slack", daemon=True).start()
    if config.discord.enabled:
        threading.Thread(target=run_discord, args=(config, tandem, stop, link), name="discord", daemon=True).start()
    jobs.start()
    while config.serves_web and not (web.serving.wait(0.1) or stop.is_set()):
        pass  # "running" is said once the web server listens, or never when it could not
    if not stop.is_set():
        print(f"Tandem is running ({config.summary().splitlines()[0]}). Ctrl-C stops it.", file=sys.stderr)
    try:
        stop.wait()
    finally:
        _shut_down(tandem, jobs, deliverer, lease)
    for failure in (web.failure, link.failure):
        if failure:
            print(failure, file=sys.stderr)
            return 2
    return 0


def _shut_down(tandem: Tandem, jobs: BaseScheduler, deliverer: Deliverer, lease: SchedulerLease) -> None:
    """Stop taking work, let sends under way finish, then hand back the scheduler lease and unsent claims."""
    log.info("Tandem is stopping: finishing the sends under way")
    deliverer.stop()
    jobs.shutdown(wait=True)
    deliverer.close()
    released = deliverer.release_claims()
    lease.release()
    tandem.close()
    print(f"Tandem stopped: scheduler lease and {released} outbox claim(s) released.", file=sys.stderr)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    return stop
