"""Benchmark: 1, 2 and 4 `tandem run` processes (Slack HTTP, scheduler, deliverer) on one PostgreSQL database
behind a round-robin load balancer on loopback; commands/s with ack p95, scheduler throughput, nothing lost or doubled.

`TANDEM_BENCH_POSTGRES_URL=… .venv/bin/python -m bench.multiprocess [--processes 1,2,4 --rates 25,50,100
--seconds 20 --reminders 2000]`. Each setup gets a fresh schema and a fresh fake Slack; the rates run one
after the other on it. "Sustained" is the highest rate answered in full with ack p95 under 100 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from aiohttp import web
from sqlalchemy import Engine, func, select

from bench.core import POSTGRES_ENVS
from bench.slack import SECRET, TEAM, TOKEN, USERS, Loop, Result, listen, load, percentile, user
from storage.database import make_engine
from storage.migrate import upgrade
from storage.rows import OutboxRow, TaskRow
from storage.scratch import scratch_schema
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import seed_workspace
from tests.fakeslack import FakeSlack, running_fake_slack
from tests.fakeslack.limits import Limits
from tests.process.running import add_due_reminders

ROOT = Path(__file__).resolve().parents[1]
REMINDER_TITLE = "file report"
HTTP = web.AppKey("http", aiohttp.ClientSession)


ACK_GOAL = 0.1  # seconds, p95


@dataclass
class Setup:
    processes: int
    commands: list[Result] = field(default_factory=list)  # one per rate, in order
    reminders: int = 0
    reminder_seconds: float = 0.0
    lost: list[int] = field(default_factory=list)  # acknowledged commands that made no task
    doubled: list[int] = field(default_factory=list)  # commands that made more than one task
    doubled_dms: int = 0  # reminder DMs beyond one per reminder
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_config(folder: Path, url: str, api_url: str, port: int, n: int) -> Path:
    path = folder / f"tandem{n}.yaml"
    path.write_text(
        f"database:\n  url: \"{url}\"\nconsole:\n  enabled: false\n"
        f"slack:\n  enabled: true\n  mode: http\n  host: 127.0.0.1\n  port: {port}\n  api_url: {api_url}\n"
        f"  bot_token: {TOKEN}\n  signing_secret: {SECRET}\n"
        "scheduler:\n  tick_seconds: 1\nlogging:\n  level: WARNING\n"
    )
    return path


def start(config: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TANDEM_"))}
    return subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config), "run"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def wait_listening(port: int, process: subprocess.Popen[str], timeout: float = 60.0) -> None:
    """Until the process accepts connections on `port` (it has migrated and started its Slack server)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"tandem run exited early: {process.communicate()[1][-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on port {port} after {timeout:.0f}s")


def balancer(ports: list[int]) -> web.Application:
    """Round-robin POST /slack/events over the processes, passing body, signature headers and answer through."""
    turns = itertools.cycle(ports)
    app = web.Application()

    async def start_session(app: web.Application) -> None:
        app[HTTP] = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))

    async def close_session(app: web.Application) -> None:
        await app[HTTP].close()

    async def forward(request: web.Request) -> web.Response:
        headers = {k: v for k, v in request.headers.items() if k.lower().startswith(("x-slack", "content-type"))}
        async with app[HTTP].post(f"http://127.0.0.1:{next(turns)}/slack/events", data=await request.read(),
                                    headers=headers) as answer:
            return web.Response(status=answer.status, body=await answer.read(),
                                content_type=answer.content_type)

    app.on_startup.append(start_session)
    app.on_cleanup.append(close_session)
    app.router.add_post("/slack/events", forward)
    return app


def _reminders_out(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(OutboxRow)
                                     .where(OutboxRow.kind == "reminder")) or 0)


def _wait_for_reminders(engine: Engine, count: int, timeout: float) -> float:
    """Seconds from arming `count` due reminders to their notices all being in the outbox (the scheduler's
    throughput across the processes; it includes up to one 1 s tick of waiting)."""
    began = time.monotonic()
    while time.monotonic() < began + timeout:
        if _reminders_out(engine) >= count:
            return time.monotonic() - began
        time.sleep(0.05)
    raise TimeoutError(f"only {_reminders_out(engine)} of {count} reminders after {timeout:.0f}s")


def _reminder_dms(fake: FakeSlack, count: int, timeout: float) -> int:
    """Reminder DMs posted, once every reminder has been delivered (more than `count` means doubles)."""
    deadline = time.monotonic() + timeout
    while (posted := sum(REMINDER_TITLE in post.text for post in fake.posted)) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {posted} of {count} reminder DMs after {timeout:.0f}s")
        time.sleep(0.05)
    return posted


def _check_tasks(engine: Engine, setup: Setup) -> None:
    with engine.connect() as connection:
        titles = Counter(connection.scalars(select(TaskRow.title).where(TaskRow.title.like("send report %"))))
    made = Counter({int(title.split()[2]): count for title, count in titles.items()})
    sent = sum(result.sent for result in setup.commands)
    setup.lost = sorted(n for n in range(sent) if made[n] == 0)
    setup.doubled = sorted(n for n, count in made.items() if count > 1)


def run_setup(server: str, processes: int, args: argparse.Namespace) -> Setup:
    limits = Limits(channel_rate=10_000, channel_burst=10_000, workspace_rate=10_000, workspace_burst=10_000)
    with scratch_schema(server, "bench") as url, running_fake_slack(limits) as fake, \
            tempfile.TemporaryDirectory() as folder:
        engine = make_engine(url)
        upgrade(engine)
        workspace_id, *people = _seed(engine, fake)
        ports = [free_port() for _ in range(processes)]
        running = [start(write_config(Path(folder), url, fake.api_url, port, n)) for n, port in enumerate(ports)]
        setup = Setup(processes)
        try:
            for port, process in zip(ports, running, strict=True):
                wait_listening(port, process)
            owners = [people[n % USERS] for n in range(args.reminders)]
            add_due_reminders(SqlUnitOfWorkFactory(engine), workspace_id, owners)
            setup.reminders = args.reminders
            setup.reminder_seconds = _wait_for_reminders(engine, args.reminders, args.timeout)
            first = 0
            for rate in _rates(args):
                setup.commands.append(_drive(ports, args, rate, first))
                first += setup.commands[-1].sent
            _check_tasks(engine, setup)
            setup.doubled_dms = _reminder_dms(fake, args.reminders, args.timeout) - args.reminders
        finally:
            for process in running:
                process.terminate()
            setup.errors = [process.communicate(timeout=30)[1] for process in running]
            engine.dispose()
        return setup


def _seed(engine: Engine, fake: FakeSlack) -> list[int]:
    """The workspace and its people, as the fake Slack knows them: [workspace id, person ids by user…]."""
    fake.add_token(TOKEN, TEAM)
    fake.add_channel("C1")
    users = [user(n) for n in range(USERS)]
    for each in users:
        fake.add_user(each, team_id=TEAM, tz="Europe/Berlin")
    seeded = seed_workspace(SqlUnitOfWorkFactory(engine), users, TEAM)
    return [seeded.workspace_id, *[seeded.people[each].id or 0 for each in users]]


def _rates(args: argparse.Namespace) -> list[float]:
    return [float(rate) for rate in args.rates.split(",")]


def _drive(ports: list[int], args: argparse.Namespace, rate: float, first: int) -> Result:
    """`rate` signed commands a second for `args.seconds` through the balancer, numbered from `first`."""
    lb, result = Loop("balancer"), Result(f"{rate:g}/s")
    runner, base = lb.run(listen(balancer(ports)))
    try:
        asyncio.run(load(result, f"{base}/slack/events", rate, args.seconds, args.settle, first=first))
    finally:
        lb.run(runner.cleanup())
        lb.stop()
    return result


def _complete(result: Result) -> bool:
    return len(result.acks) == result.sent and len(result.replies) == result.sent


def sustained(setup: Setup) -> str:
    """The highest rate answered in full with ack p95 under ACK_GOAL, or "none"."""
    good = [r.name for r in setup.commands if _complete(r) and _p95(r.acks) < ACK_GOAL]
    return good[-1] if good else "none"


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)] if values else float("inf")


def table(setups: list[Setup]) -> str:
    lines = ["| processes | rate | commands sent | acked | ack p50 ms | ack p95 ms | replies | replies/s |",
             "|---:|---:|" + "---:|" * 6]
    for s in setups:
        for c in s.commands:
            lines.append(f"| {s.processes} | {c.name} | {c.sent} | {len(c.acks)} | {percentile(c.acks, 50)} "
                         f"| {percentile(c.acks, 95)} | {len(c.replies)} "
                         f"| {len(c.replies) / c.seconds if c.seconds else 0:.1f} |")
    lines += ["", f"| processes | sustained (ack p95 < {ACK_GOAL * 1000:.0f} ms) | reminders | reminders/s | lost "
              "| doubled |", "|---:|---:|---:|---:|---:|---:|"]
    for s in setups:
        rate = s.reminders / s.reminder_seconds if s.reminder_seconds else float("inf")
        lines.append(f"| {s.processes} | {sustained(s)} | {s.reminders} | {rate:,.0f} | {len(s.lost)} "
                     f"| {len(s.doubled) + s.doubled_dms} |")
    return "\n".join(lines)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.multiprocess", description=__doc__)
    parser.add_argument("--processes", default="1,2,4", help="comma-separated process counts")
    parser.add_argument("--rates", default="25,50,100", help="signed /task commands per second, one run each")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=30.0, help="seconds to wait for late replies")
    parser.add_argument("--reminders", type=int, default=2_000, help="reminders due when the processes start")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the reminders")
    args, _ = parser.parse_known_args(argv)  # `python -m bench` passes every module the same flags
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    server = next((os.environ[name] for name in POSTGRES_ENVS if os.environ.get(name)), None)
    if not server:
        print(f"Skipped: several processes need PostgreSQL; set one of {', '.join(POSTGRES_ENVS)}.")
        return 0
    setups = [run_setup(server, int(n), args) for n in args.processes.split(",")]
    print(f"Signed /task add at {args.rates} per second, {args.seconds:g} s each, through a round-robin balancer; "
          f"{args.reminders:,} reminders due at start.\n")
    print(table(setups))
    bad = any(s.lost or s.doubled or s.doubled_dms or not all(map(_complete, s.commands)) for s in setups)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
