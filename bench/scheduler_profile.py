"""Profile the scheduler at a small size: digests and a burst of due reminders, timed and (optionally) cProfiled.

`.venv/bin/python -m bench.scheduler_profile [--people 2000 --tasks 20000 --reminders 5000 --profile]`;
PostgreSQL too with TANDEM_BENCH_POSTGRES_URL. Meant for comparing changes on one machine, not for goals.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from bench.core import NOW, POSTGRES_ENVS, seed
from bench.scheduler_run import _scheduler, arm_reminders, run_digests
from core.clock import FixedClock
from storage.database import make_engine
from storage.migrate import upgrade
from storage.scratch import scratch_schema


def _drain(step: Callable[[], int], batch: int) -> tuple[int, float, float]:
    """Call `step` until a short batch; how many it handled, in how many seconds, of which this process's CPU."""
    handled, start, cpu = 0, time.perf_counter(), time.process_time()
    while (done := step()) == batch:
        handled += done
    return handled + done, time.perf_counter() - start, time.process_time() - cpu


def _profiled(profile: bool, work: Callable[[], tuple[int, float, float]]) -> tuple[int, float, float]:
    if not profile:
        return work()
    profiler = cProfile.Profile()
    result = profiler.runcall(work)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return result


def run(backend: str, url: str, args: argparse.Namespace) -> str:
    engine = make_engine(url)
    try:
        upgrade(engine)
        rng = random.Random(7)
        workspace_id = seed(engine, args.people, args.tasks, rng).workspace_id
        digests = _profiled(args.profile, lambda: _digests(engine, workspace_id, args.batch))
        arm_reminders(engine, workspace_id, args.reminders, 0.0, NOW - timedelta(minutes=1), rng)
        scheduler = _scheduler(engine, FixedClock(NOW), args.batch)
        reminders = _profiled(args.profile, lambda: _drain(scheduler.run_reminders, args.batch))
    finally:
        engine.dispose()
    return (f"| {backend} | {digests[0]:,} | {digests[0] / digests[1]:,.0f} | {digests[2]:.2f} | {reminders[0]:,} "
            f"| {reminders[0] / reminders[1]:,.0f} | {reminders[2]:.2f} |")


def _digests(engine: Engine, workspace_id: int, batch: int) -> tuple[int, float, float]:
    cpu = time.process_time()
    result = run_digests(engine, workspace_id, batch)
    return result.people, result.seconds, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scheduler_profile", description=__doc__)
    parser.add_argument("--people", type=int, default=2_000)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--reminders", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top 25 for each phase")
    parser.add_argument("--no-sqlite", action="store_true")
    args, _ = parser.parse_known_args(argv)  # `python -m bench` passes every module the same flags
    rows = ["| backend | digests | digests/s | CPU s | reminders (all due at once) | reminders/s | CPU s |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(run("sqlite", f"sqlite:///{Path(folder) / 'profile.sqlite'}", args))
    server = next((os.environ[name] for name in POSTGRES_ENVS if os.environ.get(name)), None)
    if server:
        with scratch_schema(server, "bench") as url:
            rows.append(run("postgresql", url, args))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
