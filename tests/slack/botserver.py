"""The bot under test: the real bolt AsyncApp served by bot.slack.main on 127.0.0.1, in a background loop."""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from adapters.slack.app import build_slack_app
from bot.slack.main import serve_http, serve_socket
from core.bus import Bus

T = TypeVar("T")
SECRET = "signing-secret"
TOKEN = "xoxb-fake-1"
APP_TOKEN = "xapp-1-A1-fake"


class Loop:
    """An asyncio loop in a thread, for serving the bot while the test itself stays synchronous."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="slack-bot", daemon=True)
        self.thread.start()

    def run(self, work: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@contextmanager
def running_bot(bus: Bus, api_url: str) -> Iterator[str]:
    """Serve the Slack app for `bus` against the fake Web API at `api_url`; yields the /slack/events URL."""
    loop = Loop()

    async def start() -> tuple[AsyncApp, web.AppRunner]:
        app = build_slack_app(bus, token=TOKEN, signing_secret=SECRET, api_url=api_url)
        return app, await serve_http(app, "127.0.0.1", 0, SECRET)

    _app, runner = loop.run(start())
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/slack/events"
    finally:
        loop.run(_drain())
        loop.run(runner.cleanup())
        loop.stop()


@contextmanager
def running_socket_bot(bus: Bus, api_url: str, app_token: str = APP_TOKEN) -> Iterator[AsyncSocketModeHandler]:
    """The same Slack app connected over Socket Mode (adapters.slack.serve.serve_socket) to the fake at `api_url`."""
    loop = Loop()

    async def start() -> AsyncSocketModeHandler:
        app = build_slack_app(bus, token=TOKEN, signing_secret=SECRET, api_url=api_url)
        return await serve_socket(app, app_token)

    handler = loop.run(start())
    try:
        yield handler
    finally:
        loop.run(handler.close_async())  # type: ignore[no-untyped-call]
        loop.run(_drain())
        loop.stop()


async def _drain() -> None:
    """Let background work (home refreshes, listeners after their ack) finish before the loop stops."""
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    if others:
        await asyncio.wait(others, timeout=5)


def eventually(check: Callable[[], T], timeout: float = 30.0) -> T:
    """Poll until `check()` is truthy (the bot works after it acks); fail with the last value."""
    deadline = time.monotonic() + timeout
    value = check()
    while not value and time.monotonic() < deadline:
        time.sleep(0.02)
        value = check()
    assert value, "timed out waiting"
    return value
