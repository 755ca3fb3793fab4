"""Runs a real discord.py client against a FakeDiscord in a background thread with its own event loop."""
from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

import discord
import yarl

from tests.fakediscord.server import FakeDiscord

C = TypeVar("C", bound=discord.Client)
T = TypeVar("T")


@contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    """Point discord.py's REST base and default gateway at the fake; restore them afterwards."""
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.api_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fake.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


class BotThread(Generic[C]):
    """`factory` builds the client inside the thread's loop; `call` runs a coroutine there and waits for it."""

    def __init__(self, factory: Callable[[], C], token: str) -> None:
        self.factory = factory
        self.token = token
        self.client: C | None = None
        self.error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="discord-bot", daemon=True)

    def start(self, ready_timeout: float = 30.0) -> C:
        """Start the client and wait for on_ready; the client, for test assertions."""
        self._thread.start()
        if not self._started.wait(30) or self.client is None:
            raise RuntimeError(f"the bot did not start: {self.error!r}")
        self.call(asyncio.wait_for(self.client.wait_until_ready(), ready_timeout))
        return self.client

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def stop(self) -> None:
        if self._loop is not None and self.client is not None and self._thread.is_alive():
            self.call(asyncio.sleep(0.05))  # the fake records a request before answering it: let answers land
            self.call(self.client.close())
        self._thread.join(10)
        if self._thread.is_alive():
            raise RuntimeError("the bot thread did not stop")

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        try:
            self.client = self.factory()
            async with self.client:
                self._started.set()
                await self.client.start(self.token, reconnect=False)
        except BaseException as error:  # reported through .error and start()
            self.error = error
        finally:
            self._started.set()


@contextmanager
def running_bot(fake: FakeDiscord, factory: Callable[[], C]) -> Iterator[tuple[C, BotThread[C]]]:
    """Point discord.py at the fake, run the client until on_ready, and close it cleanly afterwards."""
    with pointed_at(fake):
        bot = BotThread(factory, fake.token)
        client = bot.start()
        try:
            yield client, bot
        finally:
            bot.stop()
