"""Benchmark: 10,000 Slack DMs from the outbox through the rate-limited fake Slack; time vs the limits' floor, 429s."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from bot.delivery.deliverer import Deliverer
from core.clock import SystemClock
from core.outbox import OutboxEntry
from core.outcome import Action, Card, Notice
from core.people import Person, Workspace
from storage.database import make_engine
from storage.migrate import upgrade
from storage.scratch import scratch_schema
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import running_fake_slack
from tests.fakeslack.limits import Limits

TOKEN, TEAM = "xoxb-bench", "TBENCH"
WORKSPACE_RATE = 250.0  # the fake's cap, messages/s: the floor for 10,000 DMs is ~40 s
WORKSPACE_BURST = 20
PACER_BURST = 10  # below the fake's burst, so scheduling jitter never spends more than Slack allows
GOAL_RATIO, GOAL_429 = 1.10, 0.01


@dataclass
class Result:
    messages: int
    posted: int
    duplicates: int
    seconds: float
    floor: float
    calls: int
    rate_limited: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor

    @property
    def share_429(self) -> float:
        return self.rate_limited / max(1, self.calls)

    @property
    def ok(self) -> bool:
        return self.posted == self.messages and not self.duplicates and self.ratio <= GOAL_RATIO \
            and self.share_429 <= GOAL_429


def seed(factory: SqlUnitOfWorkFactory, count: int) -> list[str]:
    users = [f"U{index:06d}" for index in range(count)]
    now = datetime.now(UTC)
    with factory() as uow:
        workspace = uow.workspaces.add(Workspace("slack", TEAM, "Bench"))
        assert workspace.id is not None
        for user in users:
            person = uow.people.add(Person(workspace.id, user, user.lower()))
            uow.people.link_identity(person, "slack", user)
            assert person.id is not None
            notice = Notice(person.id, "request", f"Ana asks you to review {user}",
                            card=Card("Review", (("Due", "Fri"),), "T-1"),
                            actions=(Action("accept", "Accept", "/task accept T-1", "primary"),))
            uow.outbox.add(OutboxEntry(workspace.id, "request", notice.payload(), f"bench:{user}", now, now,
                                       person.id))
        uow.commit()
    return users


def run(url: str, messages: int, rate: float, concurrency: int) -> Result:
    engine = make_engine(url)
    upgrade(engine)
    factory = SqlUnitOfWorkFactory(engine)
    limits = Limits(channel_rate=1.0, channel_burst=3, workspace_rate=rate, workspace_burst=WORKSPACE_BURST)
    try:
        with running_fake_slack(limits) as fake:
            fake.add_token(TOKEN, TEAM)
            for user in seed(factory, messages):
                fake.add_user(user)
            pacer = SlackPacer(workspace_rate=rate, workspace_burst=PACER_BURST, channel_rate=1.0, channel_burst=3)
            sender = SlackSender(lambda ws: TOKEN, fake.api_url, pacer)
            deliverer = Deliverer(factory, {"slack": sender}, SystemClock(), "bench", batch=200,
                                  concurrency=concurrency)
            started = time.perf_counter()
            give_up = started + 10 * messages / rate + 60
            try:
                while len(fake.posted) < messages and time.perf_counter() < give_up:
                    if deliverer.run_batch().claimed == 0:
                        time.sleep(0.05)  # retries wait for their not_before
            finally:
                deliverer.close()
            seconds = time.perf_counter() - started
            per_channel = Counter(p.channel for p in fake.posted)
            return Result(messages, len(per_channel), sum(n - 1 for n in per_channel.values()), seconds,
                          max(messages - WORKSPACE_BURST, 1) / rate, fake.calls(), fake.rate_limited)
    finally:
        engine.dispose()


def table(results: list[tuple[str, Result]]) -> str:
    lines = ["| database | DMs | delivered | duplicates | floor (s) | total (s) | vs floor | requests | 429s "
             "| 429 share |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in results:
        lines.append(f"| {name} | {r.messages} | {r.posted} | {r.duplicates} | {r.floor:.1f} | {r.seconds:.1f} | "
                     f"{r.ratio:.3f}× | {r.calls} | {r.rate_limited} | {r.share_429:.2%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=WORKSPACE_RATE, help="the fake workspace cap, messages/s")
    parser.add_argument("--concurrency", type=int, default=8, help="sending threads per workspace")
    parser.add_argument("--postgres", action="store_true", help="also run on TANDEM_BENCH/TEST_POSTGRES_URL")
    args, _ = parser.parse_known_args(argv)
    results: list[tuple[str, Result]] = []
    with tempfile.TemporaryDirectory() as folder:
        results.append(("sqlite", run(f"sqlite:///{Path(folder) / 'bench.sqlite'}", args.messages, args.rate,
                                      args.concurrency)))
    postgres = os.environ.get("TANDEM_BENCH_POSTGRES_URL") or os.environ.get("TANDEM_TEST_POSTGRES_URL")
    if args.postgres and postgres:
        with scratch_schema(postgres) as url:
            results.append(("postgresql", run(url, args.messages, args.rate, args.concurrency)))
    print(f"Fake Slack: {args.rate:g} msg/s per workspace (burst {WORKSPACE_BURST}), 1 msg/s per channel (burst 3); "
          f"pacer burst {PACER_BURST}; {args.concurrency} sending threads. Goal: ≤{GOAL_RATIO:.2f}× floor, "
          f"≤{GOAL_429:.0%} 429s.\n")
    print(table(results))
    return 0 if all(r.ok for _, r in results) else 1



if __name__ == "__main__":
    sys.exit(main())
