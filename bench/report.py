"""Portfolio and goal status at full size, on a seeded database built once and reused (issue 13).

`.venv/bin/python -m bench.report [--people 20000 --tasks 200000 --ops 100 --profile --explain --fresh]`;
PostgreSQL too with TANDEM_BENCH_POSTGRES_URL (or TANDEM_TEST_POSTGRES_URL). The seeded SQLite file is kept in
the temp folder and the PostgreSQL data in a schema named after the size, so a second run skips the seeding
(`--fresh` builds them again). Both are migrated to the newest revision at every run.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, select, text

from bench.core import GOALS, NOW, PORTFOLIO_TARGET_MS, PROJECTS, WARMUP, _pct, _postgres_server, seed
from core.bus import Bus
from core.clock import FixedClock
from core.commands import Command, GoalStatus, ShowPortfolio, Speaker
from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import Base
from storage.uow import SqlUnitOfWorkFactory

SEED_VERSION = 1  # bump when bench.core.seed changes what it writes
CACHE = Path(tempfile.gettempdir()) / "tandem-bench"


def _name(args: argparse.Namespace) -> str:
    return f"report_v{SEED_VERSION}_{args.people}_{args.tasks}"


def _sqlite_url(args: argparse.Namespace) -> str:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{_name(args)}.sqlite"
    if args.fresh:
        for stale in CACHE.glob(f"{_name(args)}.sqlite*"):
            stale.unlink()
    return f"sqlite:///{path}"


def _postgres_url(server: str, args: argparse.Namespace) -> str:
    schema = _name(args)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if args.fresh:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    finally:
        admin.dispose()
    return make_url(server).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)


def _seeded(engine: Engine, args: argparse.Namespace) -> tuple[int, list[int]]:
    """The workspace and its people, seeding them first when the cached database is empty."""
    upgrade(engine)
    workspaces, people = Base.metadata.tables["workspaces"], Base.metadata.tables["people"]
    with engine.connect() as connection:
        workspace_id = connection.scalar(select(workspaces.c.id).order_by(workspaces.c.id).limit(1))
    if workspace_id is None:
        seeded = seed(engine, args.people, args.tasks, random.Random(7))
        print(f"seeded in {seeded.seconds:.1f} s", flush=True)
        workspace_id = seeded.workspace_id
    with engine.connect() as connection:
        ids = list(connection.scalars(select(people.c.id).where(people.c.workspace_id == workspace_id)))
    return int(workspace_id), ids


def _timed(bus: Bus, command: Command, speakers: list[Speaker]) -> tuple[list[float], list[float]]:
    """Wall-clock and this process's CPU milliseconds of each timed run (CPU: steadier on a shared machine)."""
    for speaker in speakers[:WARMUP]:
        bus.execute(command, speaker)
    times, cpu = [], []
    for speaker in speakers[WARMUP:]:
        start, start_cpu = time.perf_counter(), time.process_time()
        bus.execute(command, speaker)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return times, cpu


def _profiled(args: argparse.Namespace, work: Callable[[], tuple[list[float], list[float]]],
              ) -> tuple[list[float], list[float]]:
    if not args.profile:
        return work()
    profiler = cProfile.Profile()
    result = profiler.runcall(work)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return result


def run(backend: str, url: str, args: argparse.Namespace) -> list[str]:
    engine = make_engine(url)
    try:
        workspace_id, people = _seeded(engine, args)
        bus = Bus(SqlUnitOfWorkFactory(engine), FixedClock(NOW))
        rng = random.Random(11)
        lines = []
        for name, command in ((f"portfolio ({GOALS} goals, {PROJECTS} projects)", ShowPortfolio()),
                              ("goal status (goal0)", GoalStatus("goal0"))):
            speakers = [Speaker(workspace_id, rng.choice(people), "C1", None, None)
                        for _ in range(args.ops + WARMUP)]
            times, cpu = _profiled(args, lambda c=command, s=speakers: _timed(bus, c, s))  # type: ignore[misc]
            flag = " ⚠" if _pct(times, 95) > PORTFOLIO_TARGET_MS else ""
            lines.append(f"| {backend} | {name} | {_pct(times, 50):.2f} | {_pct(times, 95):.2f}{flag} "
                         f"| {max(times):.2f} | {_pct(cpu, 50):.2f} |")
        return lines
    finally:
        engine.dispose()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.report", description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="cProfile each operation's timed runs")
    parser.add_argument("--fresh", action="store_true", help="seed again instead of reusing the cached data")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    args, _ = parser.parse_known_args(argv)  # `python -m bench` passes every module the same flags
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    backends = args.backends.split(",")
    lines = run("SQLite", _sqlite_url(args), args) if "sqlite" in backends else []
    server = _postgres_server()
    if server and "postgresql" in backends:
        lines += run("PostgreSQL", _postgres_url(server, args), args)
    print(f"{args.people:,} people, {args.tasks:,} tasks, {PROJECTS} projects, {GOALS} goals; "
          f"{args.ops} timed ops each after {WARMUP} warm-up\n")
    print("| backend | operation | p50 ms | p95 ms | max ms | CPU p50 ms (this process) |\n|---|---|---|---|---|---|")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
