"""Benchmark: /task interactions over the fake Discord gateway at a steady rate; time to the deferred response and
to the answer (follow-up), measured by the fake at its own HTTP endpoints."""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from core.bus import Bus
from core.clock import SystemClock
from storage.database import make_engine
from storage.migrate import upgrade
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import start_bot
from tests.fakediscord import FakeDiscord, running_fake_discord
from tests.fakediscord.records import Interaction

GUILD, CHANNEL = "910000000000000001", "910000000000000100"
USERS = 50
VERBS = (("add", "text", "prepare the board deck by friday 17:00"), ("list", "view", "mine"))


def seed(fake: FakeDiscord) -> list[str]:
    fake.add_guild(GUILD, "Bench")
    fake.add_channel(GUILD, CHANNEL, "general")
    users = [str(920000000000000000 + n) for n in range(USERS)]
    for n, user in enumerate(users):
        fake.add_member(GUILD, user, f"person{n}")
    return users


def fire(fake: FakeDiscord, users: list[str], count: int, rate: float) -> list[Interaction]:
    """`count` slash commands, alternating add and list, one every 1/rate seconds."""
    sent: list[Interaction] = []
    start = time.perf_counter()
    for n in range(count):
        time.sleep(max(0.0, start + n / rate - time.perf_counter()))
        verb, option, value = VERBS[n % len(VERBS)]
        sent.append(fake.slash(GUILD, CHANNEL, users[n % len(users)], "task", [
            {"type": 1, "name": verb, "options": [{"type": 3, "name": option, "value": value}]}]))
    for it in sent:
        it.wait_followup(30)
    return sent


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    cut = statistics.quantiles(ordered, n=100)
    return f"p50 {cut[49] * 1000:.1f} ms, p95 {cut[94] * 1000:.1f} ms, p99 {cut[98] * 1000:.1f} ms, " \
           f"max {ordered[-1] * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--rate", type=float, default=20.0, help="interactions per second")
    args, _ = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as folder, running_fake_discord() as fake:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine)
        bus = Bus(SqlUnitOfWorkFactory(engine), SystemClock())
        users = seed(fake)
        bot = start_bot(bus, fake)
        try:
            fire(fake, users, USERS, 10.0)  # warm-up: everyone seen once
            sent = fire(fake, users, args.count, args.rate)
        finally:
            bot.close()
            engine.dispose()
    deferred = [it.latency for it in sent if it.latency is not None]
    answered = [it.first_followup_at - it.dispatched_at for it in sent
                if it.first_followup_at is not None and it.dispatched_at is not None]
    late = sum(1 for it in sent if it.ack_deadline_missed)
    print(f"{len(sent)} /task interactions at {args.rate:g}/s over the fake gateway (SQLite, 1 bot process)")
    print(f"  interaction -> deferred response: {percentiles(deferred)}")
    print(f"  interaction -> answer (follow-up): {percentiles(answered)}")
    print(f"  missed the 3 s window: {late}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
