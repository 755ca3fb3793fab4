"""The bot under test: the real TandemBot (discord.py) served by bot.discord.main against the fake Discord."""
from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import discord
from discord.gateway import DiscordWebSocket

from adapters.discord.bridge import DiscordCore
from adapters.discord.client import TandemBot
from adapters.discord.endpoints import point_at
from adapters.discord.people import ServerRules
from adapters.discord.sender import DiscordLink
from bot.discord.main import serve
from core.bus import Bus
from tests.fakediscord import FakeDiscord

RULES = ServerRules(guest_role="Guest", default_timezone="Europe/Berlin")


@dataclass
class RunningBot:
    bot: TandemBot
    link: DiscordLink
    stop: threading.Event
    thread: threading.Thread

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive(), "the bot did not stop"


async def _no_wait(*_args: object, **_kwargs: object) -> None:
    """discord.py waits 5 s between shards' IDENTIFYs (Discord's limit); the fake has no such limit."""


def start_bot(bus: Bus, fake: FakeDiscord, rules: ServerRules = RULES, timeout: float = 30.0,
              **options: object) -> RunningBot:
    """Start a bot in its own thread and event loop, as `tandem run` does, and wait until it is ready."""
    point_at(fake.api_url, fake.gateway_url)
    link, stop, made = DiscordLink(), threading.Event(), threading.Event()
    holder: list[TandemBot] = []

    def main() -> None:
        async def go() -> None:
            bot = TandemBot(DiscordCore(bus, rules=rules), guild_ready_timeout=0.05, **options)
            bot.before_identify_hook = _no_wait  # type: ignore[method-assign]
            holder.append(bot)
            made.set()
            await serve(bot, fake.token, stop, link)
        asyncio.run(go())

    thread = threading.Thread(target=main, name="discord-bot", daemon=True)
    thread.start()
    assert made.wait(timeout)
    bot = holder[0]
    deadline = time.monotonic() + timeout
    while not (bot.is_ready() and link.client is not None):
        assert time.monotonic() < deadline and thread.is_alive(), "the bot did not become ready"
        time.sleep(0.02)
    return RunningBot(bot, link, stop, thread)


@contextmanager
def running_bot(bus: Bus, fake: FakeDiscord, rules: ServerRules = RULES) -> Iterator[RunningBot]:
    base, gateway = discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    running = start_bot(bus, fake, rules)
    try:
        yield running
    finally:
        running.close()
        discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
