"""`tandem run`: the scheduler and the deliverer, plus every adapter enabled in app.yaml."""
from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from datetime import timedelta

from adapters.discord.sender import DiscordLink
from bot.bootstrap import Tandem, build
from bot.config import Config
from bot.delivery.senders import senders_for
from bot.discord.main import run_discord
from bot.serving.retention import clean_up_job
from bot.slack.main import run_slack
from core.clock import SystemClock
from scheduler.ticks import build_scheduler

LEASE = "scheduler"


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def claim_scheduler(tandem: Tandem, holder: str, ttl: timedelta) -> bool:
    """On SQLite one process runs the scheduler: take (or renew) the lease. PostgreSQL shares the work."""
    if tandem.engine.dialect.name != "sqlite":
        return True
    with tandem.uow_factory() as uow:
        taken = uow.leases.acquire(LEASE, holder, tandem.clock.now(), ttl)
        uow.commit()
    return taken


def run(config: Config, stop: threading.Event | None = None) -> int:
    """Run until SIGTERM/SIGINT (or `stop`); 2 when another process already runs the SQLite scheduler."""
    tandem = build(config, SystemClock())
    holder, ttl = holder_id(), timedelta(seconds=max(10, 3 * config.scheduler.tick_seconds))
    if not claim_scheduler(tandem, holder, ttl):
        with tandem.uow_factory() as uow:
            other = uow.leases.holder(LEASE, tandem.clock.now())
        print(f"Another Tandem process ({other}) is running the scheduler on this SQLite database. SQLite serves "
              "one process; stop the other one, or use PostgreSQL to run several.", file=sys.stderr)
        tandem.close()
        return 2
    link = DiscordLink()
    deliverer = tandem.deliverer(senders_for(config, tandem, link), holder, concurrency=4)

    def tick() -> None:
        if claim_scheduler(tandem, holder, ttl):
            tandem.scheduler.tick()

    jobs = build_scheduler(tick, deliverer.run_once, config.scheduler.tick_seconds, clean_up=clean_up_job(tandem))
    stop = stop or _stop_on_signals()
    if config.slack.enabled:
        threading.Thread(target=run_slack, args=(config, tandem, stop), name="slack", daemon=True).start()
    if config.discord.enabled:
        threading.Thread(target=run_discord, args=(config, tandem, stop, link), name="discord", daemon=True).start()
    jobs.start()
    print(f"Tandem is running ({config.summary().splitlines()[0]}). Ctrl-C stops it.", file=sys.stderr)
    try:
        stop.wait()
    finally:
        jobs.shutdown(wait=True)
        with tandem.uow_factory() as uow:
            uow.leases.release(LEASE, holder)
            uow.commit()
        tandem.close()
    if link.failure:
        print(link.failure, file=sys.stderr)
        return 2
    return 0


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    return stop
