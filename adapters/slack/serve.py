"""Serving the Slack app: bolt's aiohttp adapter on /slack/events (+ /healthz), or Socket Mode."""
from __future__ import annotations

import asyncio
import logging
import threading

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"
log = logging.getLogger("tandem.slack")


def web_app(app: AsyncApp) -> web.Application:
    """Events, commands and interactivity all on /slack/events; OAuth install pages when OAuth is set up."""
    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    server = web.Application()
    server.router.add_post(EVENTS_PATH, events)
    server.router.add_get("/healthz", healthz)
    flow = app.oauth_flow
    if flow is not None:
        async def install(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))

        async def redirect(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

        server.router.add_get(flow.install_path, install)
        server.router.add_get(flow.redirect_uri_path, redirect)
    return server


async def serve_http(app: AsyncApp, host: str, port: int) -> web.AppRunner:
    """Start serving on host:port (0 picks a free port; read it from runner.addresses). Caller cleans up."""
    runner = web.AppRunner(web_app(app), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def serve_socket(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Connect over Socket Mode (apps.connections.open through app.client, then a WebSocket)."""
    handler = AsyncSocketModeHandler(app, app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    return handler


async def run_until(app: AsyncApp, stop: threading.Event, *, mode: str, host: str, port: int,
                    app_token: str | None) -> None:
    """Serve until `stop` is set, then close cleanly."""
    if mode == "socket":
        if not app_token:
            raise ValueError("slack.app_token is needed for Socket Mode")
        handler = await serve_socket(app, app_token)
        log.info("Slack connected over Socket Mode")
        await asyncio.to_thread(stop.wait)
        await handler.close_async()  # type: ignore[no-untyped-call]
        return
    runner = await serve_http(app, host, port)
    log.info("Slack events on http://%s:%s%s", host, port, EVENTS_PATH)
    await asyncio.to_thread(stop.wait)
    await runner.cleanup()
