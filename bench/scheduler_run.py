"""One backend's scheduler benchmark (seed, digests in one tick, reminders in real time), run in its own process."""
from __future__ import annotations

import bisect
import math
import random
import resource
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, Table, bindparam, func, select, text, update

from bench.core import NOW, seed
from core.clock import FixedClock, SystemClock
from core.schedule.policy import NoHolidays, SchedulePolicy
from core.schedule.service import Scheduler
from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import Base
from storage.types import UTCDateTime
from storage.uow import SqlUnitOfWorkFactory

ARM_CHUNK = 5_000
START_DELAY = 2.0  # seconds from the first tick to the first planned reminder
TICK_BATCHES = 100  # Scheduler.tick() runs a job at most this many batches per tick
GRACE = 600.0  # seconds after the window before the loop gives up on reminders still unsent


@dataclass(frozen=True)
class Options:
    people: int
    tasks: int
    reminders: int
    window: float
    batch: int


@dataclass
class DigestResult:
    due: int
    people: int
    notices: int
    seconds: float
    calls: int
    slowest_call: float


@dataclass
class ReminderResult:
    planned: int
    sent: int
    ticks: int
    busy_seconds: float  # inside run_reminders
    slowest_tick: float
    max_backlog: int  # due but not yet handled, before any run_reminders() call
    shift: float  # seconds the system clock was moved back so the window starts START_DELAY after the loop
    stamped: list[float] = field(default_factory=list)  # outbox created_at - planned, seconds
    committed: list[float] = field(default_factory=list)  # end of the committing run_reminders - planned
    arm_seconds: float = 0.0


@dataclass
class BackendResult:
    backend: str
    seed_seconds: float
    digests: DigestResult
    reminders: ReminderResult
    rss_kb: dict[str, int]  # ru_maxrss (the process's high-water mark so far) after each phase


class ShiftedClock:
    """The SystemClock moved back by a fixed offset, remembering the last instant it gave."""

    def __init__(self, offset: timedelta) -> None:
        self._system, self._offset = SystemClock(), offset
        self.last = self._system.now() - offset

    def now(self) -> datetime:
        self.last = self._system.now() - self._offset
        return self.last


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _analyze(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # committed: statistics from a rolled-back ANALYZE are thrown away
            conn.execute(text("ANALYZE"))


def _scheduler(engine: Engine, clock: FixedClock | ShiftedClock, batch: int) -> Scheduler:
    return Scheduler(SqlUnitOfWorkFactory(engine), clock, SchedulePolicy(), NoHolidays(), batch=batch)


def _count(engine: Engine, kind: str) -> int:
    outbox = _table("outbox")
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.kind == kind)) or 0)


def run_digests(engine: Engine, workspace_id: int, batch: int) -> DigestResult:
    """Every person's digest due at the same instant; run_digests() until a short batch, like one tick."""
    people = _table("people")
    with engine.begin() as conn:
        due = conn.execute(update(people).where(people.c.workspace_id == workspace_id)
                           .values(next_digest_at=NOW, last_digest_at=None)).rowcount
    _analyze(engine)
    scheduler = _scheduler(engine, FixedClock(NOW), batch)
    calls, slowest, handled = 0, 0.0, 0
    start = time.perf_counter()
    while True:
        began = time.perf_counter()
        done = scheduler.run_digests()
        slowest, calls, handled = max(slowest, time.perf_counter() - began), calls + 1, handled + done
        if done < batch:
            break
    seconds = time.perf_counter() - start
    return DigestResult(due, handled, _count(engine, "digest"), seconds, calls, slowest)


def arm_reminders(engine: Engine, workspace_id: int, count: int, window: float, start: datetime,
                  rng: random.Random) -> dict[int, datetime]:
    """Make `count` random tasks open committed work due at an exact instant, their "before" reminder planned
    evenly across `window` seconds from `start`; returns task id -> planned reminder instant."""
    tasks, lead = _table("tasks"), SchedulePolicy().reminder_lead
    with engine.connect() as conn:
        ids = list(conn.scalars(select(tasks.c.id).where(tasks.c.workspace_id == workspace_id).order_by(tasks.c.id)))
    chosen = rng.sample(ids, min(count, len(ids)))
    step = window / max(1, len(chosen))
    planned = {task_id: start + timedelta(seconds=i * step) for i, task_id in enumerate(chosen)}
    statement = (
        update(tasks).where(tasks.c.id == bindparam("b_id"))
        .values(agreement="committed", status="open", completed_at=None, due_on=None, due_tz="UTC",
                due_at=bindparam("b_due", type_=UTCDateTime()), due_deadline=bindparam("b_due", type_=UTCDateTime()),
                proposed_on=None, proposed_at=None, proposed_tz=None, follow_up_at=None,
                next_reminder_at=bindparam("b_fire", type_=UTCDateTime()), reminder_stage="before")
    )
    rows = [{"b_id": task_id, "b_due": fire + lead, "b_fire": fire} for task_id, fire in planned.items()]
    with engine.begin() as conn:
        for i in range(0, len(rows), ARM_CHUNK):
            conn.execute(statement, rows[i:i + ARM_CHUNK])
    _analyze(engine)
    return planned


def _wait_for_next_tick(origin: float) -> None:
    """Sleep to the next whole second after `origin`, as an interval job with max_instances=1 would."""
    elapsed = time.perf_counter() - origin
    time.sleep(max(0.0, origin + math.floor(elapsed) + 1 - time.perf_counter()))


def run_reminders(engine: Engine, workspace_id: int, options: Options, rng: random.Random) -> ReminderResult:
    """Reminders planned across a real-time window; each 1 s tick runs run_reminders() until a short batch."""
    armed = time.perf_counter()
    anchor = datetime.now(UTC) + timedelta(seconds=START_DELAY)
    planned = arm_reminders(engine, workspace_id, options.reminders, options.window, anchor, rng)
    arm_seconds = time.perf_counter() - armed
    shift = datetime.now(UTC) + timedelta(seconds=START_DELAY) - anchor
    clock = ShiftedClock(shift)
    scheduler = _scheduler(engine, clock, options.batch)
    fire_times = sorted(planned.values())
    committed_at: dict[datetime, datetime] = {}
    sent = ticks = max_backlog = 0
    busy = slowest = 0.0
    origin = time.perf_counter()
    while sent < len(planned) and time.perf_counter() - origin < START_DELAY + options.window + GRACE:
        ticks += 1
        tick_start = time.perf_counter()
        for _ in range(TICK_BATCHES):
            began = time.perf_counter()
            max_backlog = max(max_backlog, bisect.bisect_right(fire_times, clock.now()) - sent)
            done = scheduler.run_reminders()
            stamp = clock.last
            committed_at[stamp] = clock.now()
            busy += time.perf_counter() - began
            sent += done
            if done < options.batch:
                break
        slowest = max(slowest, time.perf_counter() - tick_start)
        _wait_for_next_tick(origin)
    result = ReminderResult(len(planned), 0, ticks, busy, slowest, max_backlog, shift.total_seconds(),
                            arm_seconds=arm_seconds)
    _lateness(engine, planned, committed_at, result)
    return result


def _lateness(engine: Engine, planned: dict[int, datetime], committed_at: dict[datetime, datetime],
              result: ReminderResult) -> None:
    outbox = _table("outbox")
    with engine.connect() as conn:
        found = conn.execute(select(outbox.c.task_id, outbox.c.created_at).where(outbox.c.kind == "reminder")).all()
    for task_id, created in found:
        fire = planned[task_id]
        result.stamped.append((created - fire).total_seconds())
        result.committed.append((committed_at[created] - fire).total_seconds())
    result.sent = len(found)


def run_backend(backend: str, url: str, options: Options) -> BackendResult:
    """Migrate and seed the database at `url`, then the digest tick and the reminder window."""
    engine = make_engine(url)
    try:
        upgrade(engine)
        rng = random.Random(7)
        seeded = seed(engine, options.people, options.tasks, rng)
        rss = {"seeded": _rss_kb()}
        digests = run_digests(engine, seeded.workspace_id, options.batch)
        rss["digests"] = _rss_kb()
        reminders = run_reminders(engine, seeded.workspace_id, options, rng)
        rss["reminders"] = _rss_kb()
        return BackendResult(backend, seeded.seconds, digests, reminders, rss)
    finally:
        engine.dispose()
