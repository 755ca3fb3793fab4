"""Benchmark of the core commands through the real Bus on a large seeded workspace, on SQLite and PostgreSQL."""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select, text

from core.bus import Bus
from core.clock import FixedClock
from core.commands import (
    AcceptTask,
    AddTask,
    Command,
    GoalStatus,
    ListTasks,
    ProjectStatusQuery,
    ShowPortfolio,
    Speaker,
)
from core.due import Due
from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import Base
from storage.scratch import scratch_schema
from storage.uow import SqlUnitOfWorkFactory

POSTGRES_ENVS = ("TANDEM_BENCH_POSTGRES_URL", "TANDEM_TEST_POSTGRES_URL")
NOW = datetime(2026, 10, 21, 10, 0, tzinfo=UTC)  # a Wednesday, so "by friday" is two days out
CHUNK = 10_000
PROJECTS = 200
GOALS = 20
WARMUP = 5
TARGET_MS = 20.0
PORTFOLIO_TARGET_MS = 50.0  # issue 13: the portfolio roll-up
MY_WORK_TARGET_MS = 50.0  # issue 13: the my-work view
RECURRING = 0.01  # share of tasks that repeat weekly, a third of them with a rotation of three
ZONES = ("UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo")
REQUEST_STATES = (("requested", 0.3), ("proposed", 0.1), ("committed", 0.5), ("declined", 0.1))
STATUSES = (("open", 0.5), ("in progress", 0.2), ("done", 0.3))
PRIORITIES = (("normal", 0.7), ("high", 0.15), ("low", 0.1), ("urgent", 0.05))

Row = dict[str, Any]


@dataclass
class Seeded:
    """What the benchmark needs to know about the seeded workspace."""

    workspace_id: int
    people: list[int]
    handles: dict[int, str]
    requested: list[tuple[int, int]]  # (task number, owner id) of open requests waiting for the owner
    big_project: str = ""
    seconds: float = 0.0
    project_tasks: dict[int, int] = field(default_factory=dict)


@dataclass
class Result:
    backend: str
    operation: str
    times: list[float]


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _chunks(rows: Iterator[Row]) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert_all(conn: Connection, table: Table, rows: Iterator[Row]) -> None:
    for batch in _chunks(rows):
        conn.execute(insert(table), batch)


def _seed_workspace(conn: Connection, tasks: int) -> int:
    row = {"platform": "bench", "external_id": uuid.uuid4().hex, "name": "Bench", "default_tz": "UTC",
           "last_task_number": tasks}
    return int(conn.execute(insert(_table("workspaces")).returning(_table("workspaces").c.id), row).scalar_one())


def _person_rows(workspace_id: int, count: int, rng: random.Random) -> Iterator[Row]:
    for i in range(count):
        yield {"workspace_id": workspace_id, "display_name": f"Person {i}", "handle": f"person{i}",
               "handle_key": f"person{i}", "name_key": f"person {i}", "tz": rng.choice(ZONES),
               "role": "member", "external": False, "working_days": "0,1,2,3,4",
               "work_start": datetime(2000, 1, 1, 9).time(), "work_end": datetime(2000, 1, 1, 17, 30).time(),
               "digest_time": datetime(2000, 1, 1, 9).time(), "digest_enabled": True, "lang": "en",
               "holiday_country": None, "away_until": None}


def _seed_people(conn: Connection, workspace_id: int, count: int, rng: random.Random) -> list[int]:
    people = _table("people")
    _insert_all(conn, people, _person_rows(workspace_id, count, rng))
    ids = list(conn.scalars(select(people.c.id).where(people.c.workspace_id == workspace_id).order_by(people.c.id)))
    identities = ({"workspace_id": workspace_id, "platform": "bench", "external_id": f"U{pid}", "person_id": pid}
                  for pid in ids)
    _insert_all(conn, _table("identities"), identities)
    return ids


def _seed_goals(conn: Connection, workspace_id: int, people: list[int], rng: random.Random) -> list[int]:
    goals = _table("goals")
    rows = ({"workspace_id": workspace_id, "name": f"goal{i}", "name_key": f"goal{i}", "owner_id": rng.choice(people),
             "created_at": NOW - timedelta(days=120), "target_on": NOW.date() + timedelta(days=rng.randint(10, 120)),
             "description": ""} for i in range(GOALS))
    _insert_all(conn, goals, rows)
    return list(conn.scalars(select(goals.c.id).where(goals.c.workspace_id == workspace_id).order_by(goals.c.id)))


def _seed_projects(conn: Connection, workspace_id: int, people: list[int], rng: random.Random) -> dict[int, str]:
    projects = _table("projects")
    goals = _seed_goals(conn, workspace_id, people, rng)
    rows = ({"workspace_id": workspace_id, "name": f"project{i}", "name_key": f"project{i}",
             "owner_id": rng.choice(people), "goal_id": goals[i % GOALS], "channel": None,
             "created_at": NOW - timedelta(days=90)} for i in range(PROJECTS))
    _insert_all(conn, projects, rows)
    found = conn.execute(select(projects.c.id, projects.c.name).where(projects.c.workspace_id == workspace_id))
    return {int(pid): str(name) for pid, name in found}


def _due(rng: random.Random, tz: str, prefix: str) -> Row:
    """Due columns: none for half the tasks, else a date in the owner's zone or an exact instant."""
    if rng.random() < 0.5:
        return {f"{prefix}_on": None, f"{prefix}_at": None, f"{prefix}_tz": None}
    offset = timedelta(days=rng.randint(-30, 60))
    if rng.random() < 0.6:
        due = Due.date_((NOW + offset).date(), tz)
    else:
        due = Due.instant(NOW + offset + timedelta(hours=rng.randint(0, 23)), tz)
    return {f"{prefix}_on": due.on, f"{prefix}_at": due.at, f"{prefix}_tz": tz}


def _deadline(row: Row) -> datetime | None:
    if row["due_on"] is None and row["due_at"] is None:
        return None
    return Due(tz=row["due_tz"], on=row["due_on"], at=row["due_at"]).deadline()


def _proposal(rng: random.Random, agreement: str, tz: str) -> Row:
    if agreement != "proposed":
        return {"proposed_on": None, "proposed_at": None, "proposed_tz": None}
    day: date = (NOW + timedelta(days=rng.randint(3, 30))).date()
    return {"proposed_on": day, "proposed_at": None, "proposed_tz": tz}


def _repeat(rng: random.Random, owner: int, seeded: Seeded) -> Row:
    if rng.random() >= RECURRING:
        return {"recurrence": None, "rotation": []}
    rotation = [owner, *rng.sample(seeded.people, 2)] if rng.random() < 1 / 3 else []
    return {"recurrence": "FREQ=WEEKLY;BYDAY=MO", "rotation": rotation}


def _agreement_status(rng: random.Random, is_request: bool) -> tuple[str, str]:
    agreement = _pick(rng, REQUEST_STATES) if is_request else "committed"
    status = "open" if agreement in ("requested", "proposed") else _pick(rng, STATUSES)
    return agreement, status


def _task_row(number: int, workspace_id: int, seeded: Seeded, projects: list[int], zones: dict[int, str],
              rng: random.Random) -> Row:
    requester = rng.choice(seeded.people)
    owner = requester if rng.random() < 0.3 else rng.choice(seeded.people)
    agreement, status = _agreement_status(rng, owner != requester)
    created = NOW - timedelta(days=rng.randint(1, 120), minutes=rng.randint(0, 1440))
    row: Row = {"workspace_id": workspace_id, "number": number, "title": f"seeded task {number}", "notes": "",
                "requester_id": requester, "owner_id": owner, "agreement": agreement, "status": status,
                "priority": _pick(rng, PRIORITIES), "project_id": rng.choice(projects),
                "labels": ["q3"] if rng.random() < 0.2 else [], "parent_id": None,
                "origin_conversation": f"C{rng.randrange(500)}", "origin_message": None, "origin_link": None,
                "visibility": "private" if rng.random() < 0.05 else "workspace",
                "created_at": created, "updated_at": created,
                "completed_at": created + timedelta(days=1) if status == "done" else None}
    row |= _due(rng, zones[owner], "due") | _proposal(rng, agreement, zones[owner]) | _repeat(rng, owner, seeded)
    row["due_deadline"] = _deadline(row)
    if agreement == "requested" and status == "open":
        seeded.requested.append((number, owner))
    seeded.project_tasks[row["project_id"]] = seeded.project_tasks.get(row["project_id"], 0) + 1
    return row


def _seed_tasks(conn: Connection, seeded: Seeded, projects: list[int], tasks: int, rng: random.Random) -> None:
    people = _table("people")
    zones = {int(pid): str(tz) for pid, tz in conn.execute(select(people.c.id, people.c.tz))}
    rows = (_task_row(n, seeded.workspace_id, seeded, projects, zones, rng) for n in range(1, tasks + 1))
    _insert_all(conn, _table("tasks"), rows)


def _seed_watchers(conn: Connection, seeded: Seeded, rng: random.Random) -> None:
    """One extra watcher on about one task in ten."""
    tasks = _table("tasks")
    ids = conn.scalars(select(tasks.c.id).where(tasks.c.workspace_id == seeded.workspace_id)).all()
    rows = ({"task_id": tid, "person_id": rng.choice(seeded.people)} for tid in ids if rng.random() < 0.1)
    _insert_all(conn, _table("task_watchers"), rows)


def seed(engine: Engine, people: int, tasks: int, rng: random.Random) -> Seeded:
    """Fill one workspace with `people` people and `tasks` tasks using bulk Core inserts."""
    start = time.perf_counter()
    with engine.begin() as conn:
        workspace_id = _seed_workspace(conn, tasks)
        ids = _seed_people(conn, workspace_id, people, rng)
        seeded = Seeded(workspace_id, ids, {pid: f"person{i}" for i, pid in enumerate(ids)}, [])
        projects = _seed_projects(conn, workspace_id, ids, rng)
        _seed_tasks(conn, seeded, sorted(projects), tasks, rng)
        _seed_watchers(conn, seeded, rng)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # committed: statistics from a rolled-back ANALYZE are thrown away
            conn.execute(text("ANALYZE"))
    biggest = max(seeded.project_tasks, key=seeded.project_tasks.__getitem__)
    seeded.big_project, seeded.seconds = projects[biggest], time.perf_counter() - start
    return seeded


def _timed(bus: Bus, calls: list[tuple[Command, Speaker]]) -> list[float]:
    for command, speaker in calls[:WARMUP]:
        bus.execute(command, speaker)
    times = []
    for command, speaker in calls[WARMUP:]:
        start = time.perf_counter()
        bus.execute(command, speaker)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _speaker(seeded: Seeded, person_id: int) -> Speaker:
    return Speaker(seeded.workspace_id, person_id, "C1", None, None)


def _create_calls(seeded: Seeded, n: int, rng: random.Random) -> list[tuple[Command, Speaker]]:
    calls: list[tuple[Command, Speaker]] = []
    for i in range(n):
        speaker, owner = rng.sample(seeded.people, 2)
        calls.append((AddTask(f"@{seeded.handles[owner]} do thing {i} by friday"), _speaker(seeded, speaker)))
    return calls


def _accept_calls(seeded: Seeded, n: int, rng: random.Random) -> list[tuple[Command, Speaker]]:
    chosen = rng.sample(seeded.requested, min(n, len(seeded.requested)))
    return [(AcceptTask(number), _speaker(seeded, owner)) for number, owner in chosen]


def _view_calls(command: Command) -> Callable[[Seeded, int, random.Random], list[tuple[Command, Speaker]]]:
    def calls(seeded: Seeded, n: int, rng: random.Random) -> list[tuple[Command, Speaker]]:
        return [(command, _speaker(seeded, rng.choice(seeded.people))) for _ in range(n)]

    return calls


def _my_work_filtered(seeded: Seeded, n: int, rng: random.Random) -> list[tuple[Command, Speaker]]:
    return [(ListTasks(f"#project{rng.randrange(PROJECTS)}", "!high"), _speaker(seeded, rng.choice(seeded.people)))
            for _ in range(n)]


def _operations(seeded: Seeded) -> dict[str, Callable[[Seeded, int, random.Random], list[tuple[Command, Speaker]]]]:
    return {
        "create (AddTask)": _create_calls,
        "accept (AcceptTask)": _accept_calls,
        f"my work (/task list; target {MY_WORK_TARGET_MS:.0f} ms)": _view_calls(ListTasks()),
        "my work, filtered (/task list #project !high)": _my_work_filtered,
        "list mine": _view_calls(ListTasks("mine")),
        "inbox": _view_calls(ListTasks("inbox")),
        f"project status (#{seeded.big_project}, {max(seeded.project_tasks.values())} tasks)":
            _view_calls(ProjectStatusQuery(seeded.big_project)),
        f"portfolio ({GOALS} goals, {PROJECTS} projects; target {PORTFOLIO_TARGET_MS:.0f} ms)":
            _view_calls(ShowPortfolio()),
        "goal status (goal0)": _view_calls(GoalStatus("goal0")),
    }


def _wanted(operation: str, only: str) -> bool:
    return any(part.strip().lower() in operation.lower() for part in only.split(","))


def run_backend(backend: str, url: str, args: argparse.Namespace) -> tuple[list[Result], float]:
    """Migrate and seed a database at `url`, then time every operation through the Bus."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        rng = random.Random(7)
        seeded = seed(engine, args.people, args.tasks, rng)
        bus = Bus(SqlUnitOfWorkFactory(engine), FixedClock(NOW))
        results = [Result(backend, name, _timed(bus, make(seeded, args.ops + WARMUP, rng)))
                   for name, make in _operations(seeded).items() if _wanted(name, args.only)]
        return results, seeded.seconds
    finally:
        engine.dispose()



def _pct(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1] if len(times) > 1 else times[0]


def _print(results: list[Result], seeding: dict[str, float], args: argparse.Namespace) -> None:
    print(f"{args.people:,} people, {args.tasks:,} tasks, {PROJECTS} projects, {GOALS} goals; "
          f"{args.ops} timed ops each after {WARMUP} warm-up\n")
    print("| backend | operation | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for r in results:
        target = PORTFOLIO_TARGET_MS if r.operation.startswith(("portfolio", "goal status", "my work")) else TARGET_MS
        flag = " ⚠" if _pct(r.times, 95) > target else ""
        print(f"| {r.backend} | {r.operation} | {_pct(r.times, 50):.2f} | {_pct(r.times, 95):.2f}{flag} "
              f"| {max(r.times):.2f} |")
    print()
    for backend, seconds in seeding.items():
        print(f"Seeding on {backend}: {seconds:.1f} s")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.core", description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--tasks", type=int, default=200_000)
    parser.add_argument("--ops", type=int, default=300)
    parser.add_argument("--only", default="",
                        help="time only the operations whose name contains one of these (comma-separated)")
    return parser.parse_args(argv)


def _postgres_server() -> str | None:
    return next((os.environ[name] for name in POSTGRES_ENVS if os.environ.get(name)), None)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    results: list[Result] = []
    seeding: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        found, seeding["sqlite"] = run_backend("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite'}", args)
        results += found
    server = _postgres_server()
    if server:
        with scratch_schema(server) as url:
            found, seeding["postgresql"] = run_backend("postgresql", url, args)
            results += found
    _print(results, seeding, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
