"""`run_discord`: the Discord bot from app.yaml, connected until stopped, shared with the deliverer via a link."""
from __future__ import annotations

import asyncio
import logging
import threading
from typing import TYPE_CHECKING, Any

import discord

from adapters.discord.bridge import DiscordCore
from adapters.discord.client import TandemBot
from adapters.discord.endpoints import point_at
from adapters.discord.people import ServerRules
from adapters.discord.sender import DiscordLink
from bot.config import Config, DiscordConfig

if TYPE_CHECKING:
    from bot.bootstrap import Tandem

log = logging.getLogger("tandem.discord")


def discord_bot(settings: DiscordConfig, tandem: Tandem) -> TandemBot:
    point_at(settings.api_url, settings.gateway_url)
    core = DiscordCore(tandem.bus, rules=ServerRules(settings.guest_role, settings.default_timezone))
    return TandemBot(core, **shard_options(settings))


def shard_options(settings: DiscordConfig) -> dict[str, Any]:
    """discord.py's shard_count and shard_ids from app.yaml: each process connects only the shards it owns,
    so Discord sends each server's events to exactly one process."""
    options: dict[str, Any] = {}
    if settings.shard_count is not None:
        options["shard_count"] = settings.shard_count
        options["shard_ids"] = list(settings.shard_ids or range(settings.shard_count))
    return options


async def serve(bot: TandemBot, token: str, stop: threading.Event, link: DiscordLink) -> None:
    """Log in, connect every shard, and run until `stop` is set; the link lets the deliverer send meanwhile."""
    link.attach(bot, asyncio.get_running_loop())
    runner = asyncio.create_task(bot.start(token))
    waiter = asyncio.create_task(asyncio.to_thread(stop.wait))
    try:
        done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
        if runner in done:
            runner.result()  # a login failure (bad token) surfaces here
    finally:
        link.detach()
        await bot.close()
        runner.cancel()
        bot.core.close()
        stop.set()


def run_discord(config: Config, tandem: Tandem, stop: threading.Event, link: DiscordLink) -> None:
    """Blocks until `stop` is set (or the bot cannot log in); run it in a thread."""
    settings = config.discord
    try:
        asyncio.run(serve(discord_bot(settings, tandem), settings.token or "", stop, link))
    except discord.LoginFailure:
        link.failure = ("Discord refused the bot token. Copy a fresh one from the Developer Portal (your app → Bot → "
                        "Reset Token) into DISCORD_TOKEN; see docs/discord.md.")
    except Exception as error:
        log.exception("the Discord bot stopped")
        link.failure = f"The Discord bot stopped: {error}. See the log above and docs/discord.md."
    finally:
        stop.set()
