"""Benchmark of the scheduler: a whole workspace's digests due in one tick, and reminders firing in real time."""
from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.core import POSTGRES_ENVS
from bench.scheduler_run import BackendResult, Options, run_backend
from storage.scratch import scratch_schema

DIGEST_GOAL = 2_000.0  # digests prepared per second
RSS_GOAL_MB = 300.0
LATENESS_GOAL = 2.0  # p99 seconds


def _isolated(backend: str, url: str, options: Options) -> BackendResult:
    """Run one backend in a fresh (spawned) process, so its peak RSS is its own."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(run_backend, backend, url, options).result()


def _pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def _mb(kb: int) -> float:
    return kb / 1024


def _flag(bad: bool) -> str:
    return " ⚠" if bad else ""


def _digest_table(results: list[BackendResult]) -> list[str]:
    lines = ["| backend | people due | digests run | notices in outbox | calls (batch) | total s | digests/s "
             "| slowest call s | peak RSS MB (whole process) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        d = r.digests
        rate = d.people / d.seconds if d.seconds else float("inf")
        peak = _mb(max(r.rss_kb.values()))
        lines.append(f"| {r.backend} | {d.due:,} | {d.people:,} | {d.notices:,} | {d.calls} | {d.seconds:.1f} "
                     f"| {rate:,.0f}{_flag(rate < DIGEST_GOAL)} | {d.slowest_call:.2f} "
                     f"| {peak:.0f}{_flag(peak > RSS_GOAL_MB)} |")
    return lines


def _reminder_table(results: list[BackendResult]) -> list[str]:
    lines = ["| backend | lateness measured to | reminders | sent | p50 s | p95 s | p99 s | max s |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        m = r.reminders
        for name, values in (("outbox created_at", m.stamped), ("commit of its batch", m.committed)):
            p99 = _pct(values, 99)
            lines.append(f"| {r.backend} | {name} | {m.planned:,} | {m.sent:,} | {_pct(values, 50):.2f} "
                         f"| {_pct(values, 95):.2f} | {p99:.2f}{_flag(p99 > LATENESS_GOAL)} "
                         f"| {max(values, default=float('nan')):.2f} |")
    return lines


def _tick_table(results: list[BackendResult]) -> list[str]:
    lines = ["| backend | ticks | busy s | reminders/s while busy | slowest tick s | max backlog "
             "| arming s | clock shift s |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        m = r.reminders
        rate = m.sent / m.busy_seconds if m.busy_seconds else float("inf")
        lines.append(f"| {r.backend} | {m.ticks} | {m.busy_seconds:.1f} | {rate:,.0f} | {m.slowest_tick:.2f} "
                     f"| {m.max_backlog:,} | {m.arm_seconds:.1f} | {m.shift:.1f} |")
    return lines


def _memory_table(results: list[BackendResult]) -> list[str]:
    lines = ["| backend | seeding s | peak RSS after seeding MB | after digests MB | after reminders MB |",
             "|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.backend} | {r.seed_seconds:.1f} | {_mb(r.rss_kb['seeded']):.0f} "
                     f"| {_mb(r.rss_kb['digests']):.0f} | {_mb(r.rss_kb['reminders']):.0f} |")
    return lines


def _print(results: list[BackendResult], options: Options) -> None:
    print(f"{options.people:,} people, {options.tasks:,} tasks (bench.core seeding); Scheduler batch "
          f"{options.batch}; each backend in its own process.\n")
    print(f"### Digests: everyone's next_digest_at at one instant, run_digests() until a short batch "
          f"(goal ≥ {DIGEST_GOAL:,.0f}/s, peak RSS < {RSS_GOAL_MB:.0f} MB)\n")
    print("\n".join(_digest_table(results)))
    print("\nPeak RSS is ru_maxrss of the backend's process: its high-water mark over imports, seeding "
          "(bulk Core inserts), the digests and the reminders.\n")
    print("\n".join(_memory_table(results)))
    print(f"\n### Reminders: {options.reminders:,} 'before' reminders planned evenly over {options.window:g} s "
          f"of real time; run_reminders() until a short batch (at most 100, as tick() does) on each 1 s tick "
          f"(goal p99 < {LATENESS_GOAL:g} s)\n")
    print("\n".join(_reminder_table(results)))
    print()
    print("\n".join(_tick_table(results)))
    print("\nLateness = outbox created_at (the tick's clock reading, SystemClock shifted back by the set-up time) "
          "minus the planned reminder time; 'commit of its batch' is when the deliverer could first see it."
          " Max backlog: reminders due but not yet handled, "
          "sampled before each run_reminders() call.")
    print("Delivering the notices (10,000 DMs through the rate-limited fake Slack) is `python -m bench.delivery`.")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scheduler", description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--reminders", type=int, default=100_000)
    parser.add_argument("--window", type=float, default=60.0, help="seconds the reminders are spread over")
    parser.add_argument("--batch", type=int, default=500, help="Scheduler.batch")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args, _ = parser.parse_known_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    options = Options(args.people, args.tasks, args.reminders, args.window, args.batch)
    results: list[BackendResult] = []
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            results.append(_isolated("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite'}", options))
    server = next((os.environ[name] for name in POSTGRES_ENVS if os.environ.get(name)), None)
    if server:
        with scratch_schema(server, "bench") as url:
            results.append(_isolated("postgresql", url, options))
    _print(results, options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
