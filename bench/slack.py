"""Benchmark: signed /task commands over loopback HTTP at a steady rate; ack and reply latency vs a bare bolt app."""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import statistics
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from tests.fakeslack import running_fake_slack
from tests.fakeslack.limits import Limits

T = TypeVar("T")
SECRET, TOKEN, TEAM = "bench-signing-secret", "xoxb-bench", "T1"
USERS = 50  # requests rotate over this many people, so nobody's lists grow without end


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's request signature: v0= + hex HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    return "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()


class Loop:
    """An event loop in its own thread, so the app under test never shares a loop with the load generator."""

    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name=name, daemon=True)
        self.thread.start()

    def run(self, work: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def serve_bolt(app: AsyncApp) -> web.Application:
    """POST /slack/events into bolt (what Tandem's own server does)."""
    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    server = web.Application()
    server.router.add_post("/slack/events", events)
    return server


async def listen(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, backlog=1024).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}"


def bare_app(api_url: str) -> AsyncApp:
    """The floor: bolt's signature check and routing, an ack, and a one-line reply to response_url."""
    app = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(token=TOKEN, base_url=api_url))

    @app.command("/task")
    async def task(ack: AsyncAck, respond: AsyncRespond) -> None:
        await ack()
        await respond(text="ok", response_type="ephemeral")

    return app


def tandem_factory(api_url: str, folder: Path) -> Callable[[], AsyncApp] | None:
    """Tandem's real Slack app on a fresh SQLite database, when adapters.slack.app exists."""
    try:
        from adapters.slack.app import build_slack_app
    except ImportError:
        return None
    from bot.bootstrap import build
    from bot.config import Config
    from bot.config.model import DatabaseConfig
    from core.clock import SystemClock

    url = os.environ.get("TANDEM_BENCH_DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite'}"
    tandem = build(Config(database=DatabaseConfig(url=url)), SystemClock())
    return lambda: build_slack_app(tandem.bus, token=TOKEN, signing_secret=SECRET, api_url=api_url)


@dataclass
class Result:
    name: str
    sent: int = 0
    failed: int = 0
    acks: list[float] = field(default_factory=list)
    replies: list[float] = field(default_factory=list)
    seconds: float = 0.0  # from the first request to the last reply


class Replies:
    """A response_url sink on the load generator's loop: when each reply arrived."""

    def __init__(self) -> None:
        self.arrived: dict[int, float] = {}

    def app(self) -> web.Application:
        async def reply(request: web.Request) -> web.Response:
            self.arrived.setdefault(int(request.match_info["n"]), time.perf_counter())
            await request.read()
            return web.Response(text="ok")

        server = web.Application()
        server.router.add_post("/reply/{n}", reply)
        return server


def user(n: int) -> str:
    return f"U{n % USERS:04d}"


def command(n: int, reply_base: str) -> bytes:
    owner = user(n + 1)
    form = {"command": "/task", "text": f"add <@{owner}|{owner.lower()}> send report {n} by friday",
            "user_id": user(n), "user_name": user(n).lower(), "team_id": TEAM, "team_domain": "acme",
            "channel_id": "C1", "response_url": f"{reply_base}/reply/{n}", "trigger_id": f"trigger-{n}",
            "api_app_id": "A1"}
    return urllib.parse.urlencode(form).encode()


def home_opened(n: int) -> bytes:
    event = {"type": "app_home_opened", "user": user(n), "channel": f"D{user(n)}", "tab": "home"}
    return json.dumps({"type": "event_callback", "team_id": TEAM, "api_app_id": "A1", "event_id": f"EvHome{n}",
                       "event_time": int(time.time()), "event": event}).encode()


async def open_homes(http: aiohttp.ClientSession, events_url: str) -> None:
    """Everybody opens their App Home first, so every command also refreshes a home (--home)."""
    for n in range(USERS):
        body, stamp = home_opened(n), str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                   "X-Slack-Signature": sign(SECRET, stamp, body)}
        async with http.post(events_url, data=body, headers=headers) as answer:
            await answer.read()
    await asyncio.sleep(1.0)


async def load(result: Result, events_url: str, rate: float, seconds: float, settle: float,
               homes: bool = False, first: int = 0) -> None:
    """Open loop: request n leaves at start + n/rate whatever happened to the earlier ones; requests are
    numbered from `first` (so several loads on one database make distinct tasks)."""
    replies = Replies()
    runner, reply_base = await listen(replies.app())
    started: dict[int, float] = {}
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        if homes:
            await open_homes(http, events_url)
        async def one(n: int) -> None:
            body, stamp = command(n, reply_base), str(int(time.time()))
            headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": stamp,
                       "X-Slack-Signature": sign(SECRET, stamp, body)}
            started[n] = time.perf_counter()
            try:
                async with http.post(events_url, data=body, headers=headers) as answer:
                    await answer.read()
                    ok = answer.status == 200
            except aiohttp.ClientError:
                ok = False
            if ok:
                result.acks.append(time.perf_counter() - started[n])
            else:
                result.failed += 1

        count, begin, pending = int(rate * seconds), time.perf_counter(), []
        for n in range(first, first + count):
            await asyncio.sleep(max(0.0, begin + (n - first) / rate - time.perf_counter()))
            pending.append(asyncio.create_task(one(n)))
        await asyncio.gather(*pending)
        deadline = time.perf_counter() + settle
        while len(replies.arrived) < count and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)
        result.sent = count
        result.seconds = max(replies.arrived.values(), default=begin) - begin
    result.replies = [replies.arrived[n] - started[n] for n in replies.arrived if n in started]
    await runner.cleanup()


async def drain() -> None:
    """Let the app's background work (App Home refreshes after replies) finish before its loop stops."""
    others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    if others:
        await asyncio.wait(others, timeout=10)


def measure(name: str, make: Callable[[], AsyncApp], rate: float, seconds: float, settle: float,
            homes: bool = False) -> Result:
    result, server = Result(name), Loop(f"bench-{name}")

    async def start() -> tuple[web.AppRunner, str]:
        return await listen(serve_bolt(make()))

    runner, base = server.run(start())
    try:
        asyncio.run(load(result, f"{base}/slack/events", rate, seconds, settle, homes))
    finally:
        server.run(drain())
        server.run(runner.cleanup())
        server.stop()
    return result


def percentile(values: list[float], q: int) -> str:
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0] * 1000:.1f}"
    return f"{statistics.quantiles(values, n=100, method='inclusive')[q - 1] * 1000:.1f}"


def table(results: list[Result]) -> str:
    lines = ["| app | sent | failed | ack p50 ms | ack p95 ms | ack p99 ms | replies | reply p50 ms | reply p95 ms "
             "| reply p99 ms | last reply s | replies/s |", "|---|" + "---:|" * 11]
    for r in results:
        lines.append(f"| {r.name} | {r.sent} | {r.failed} | {percentile(r.acks, 50)} | {percentile(r.acks, 95)} "
                     f"| {percentile(r.acks, 99)} | {len(r.replies)} | {percentile(r.replies, 50)} "
                     f"| {percentile(r.replies, 95)} | {percentile(r.replies, 99)} | {r.seconds:.1f} "
                     f"| {len(r.replies) / r.seconds if r.seconds else 0:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=50.0, help="slash commands per second")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to keep the rate up")
    parser.add_argument("--settle", type=float, default=30.0, help="how long to wait for late replies")
    parser.add_argument("--home", action="store_true", help="everybody opens their App Home before the load")
    args, _ = parser.parse_known_args(argv)
    published = 0
    limits = Limits(channel_rate=10_000, channel_burst=10_000, workspace_rate=10_000, workspace_burst=10_000)
    with running_fake_slack(limits) as fake, tempfile.TemporaryDirectory() as folder:
        fake.add_token(TOKEN, TEAM)
        fake.add_channel("C1")
        for n in range(USERS):
            fake.add_user(user(n), team_id=TEAM, tz="Europe/Berlin")
        results = [measure("bare bolt (floor)", lambda: bare_app(fake.api_url), args.rate, args.seconds, args.settle)]
        tandem = tandem_factory(fake.api_url, Path(folder))
        if tandem is not None:
            results.append(measure("tandem", tandem, args.rate, args.seconds, args.settle, args.home))
        published = len(fake.published)
    print(f"{args.rate:g} signed /task per second for {args.seconds:g} s over loopback HTTP, from {USERS} people. "
          "ack = HTTP answer to the command; reply = response_url post (for Tandem: after the task is stored).\n")
    print(table(results))
    if tandem is not None:
        print(f"\nApp Home publishes: {published}")
    if tandem is None:
        print("\nadapters.slack.app.build_slack_app not found: only the floor was measured.")
    worst = max((r.failed + r.sent - len(r.replies) for r in results), default=0)
    return 0 if worst == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
