"""Tandem's one web server, assembled from app.yaml and served in its own thread until `stop` is set."""
from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from aiohttp import web

from adapters.slack import serve as slack_serve
from adapters.slack.sender import RemovedWorkspaces
from adapters.slack.verify import MAX_BODY
from bot.web import calendar, health, metrics

if TYPE_CHECKING:
    from bot.bootstrap import Tandem

log = logging.getLogger("tandem.web")


@dataclass
class WebState:
    """What the serving thread reports back: `failure` says why it could not serve (e.g. the port is taken)."""

    failure: str | None = None
    serving: threading.Event = field(default_factory=threading.Event)


def web_app(tandem: Tandem, removed: RemovedWorkspaces | None = None) -> web.Application:
    """Every route: health, readiness, calendar feeds, metrics, and Slack's when Slack runs in HTTP mode."""
    config = tandem.config
    server = web.Application(client_max_size=MAX_BODY)
    health.add_routes(server, tandem.engine)
    calendar.add_routes(server, tandem.uow_factory, tandem.clock, config.web.base_url)
    metrics.add_routes(server, tandem.metrics.registry)
    if config.slack.enabled and config.slack.mode == "http":
        from bot.slack.main import slack_app  # only a Slack deployment builds (and imports) the Slack app

        slack_serve.add_routes(server, slack_app(config, tandem, removed), config.slack.signing_secret or "",
                               tandem.metrics)
    return server


async def serve(tandem: Tandem, stop: threading.Event, state: WebState,
                removed: RemovedWorkspaces | None = None) -> None:
    """Listen on web.host:web.port until `stop` is set."""
    web_config = tandem.config.web
    runner = web.AppRunner(web_app(tandem, removed), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    try:
        await web.TCPSite(runner, web_config.host, web_config.port).start()
        log.info("Tandem's web server listens on http://%s:%s", web_config.host, web_config.port)
        state.serving.set()
        await asyncio.to_thread(stop.wait)
    finally:
        await runner.cleanup()


def run_web(tandem: Tandem, stop: threading.Event, state: WebState, removed: RemovedWorkspaces | None = None) -> None:
    """Blocks until `stop` is set; run it in a thread. A server that cannot start stops Tandem, saying why."""
    try:
        asyncio.run(serve(tandem, stop, state, removed))
    except OSError as error:
        web_config = tandem.config.web
        state.failure = (f"Tandem's web server can't listen on {web_config.host}:{web_config.port} ({error.strerror}). "
                         "Free that port or set another one in app.yaml (web.port).")
        stop.set()
    except Exception as error:
        log.exception("the web server stopped")
        state.failure = f"Tandem's web server stopped: {error}. See the log above."
        stop.set()
