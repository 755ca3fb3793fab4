"""Serving the Slack app: bolt's aiohttp adapter on /slack/events of Tandem's web server, or Socket Mode.

Every request to /slack/events is verified here, before bolt sees it: a refused request gets 401 (413 when too
large), one warning line with the reason and the remote address, and nothing else: no listener, no outgoing call,
no logged body.
"""
from __future__ import annotations

import asyncio
import logging
import threading
import time

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from adapters.slack.verify import MAX_BODY, SlackVerifier
from core.observe import NoObserver, Observer

EVENTS_PATH = "/slack/events"
log = logging.getLogger("tandem.slack")


def add_routes(server: web.Application, app: AsyncApp, signing_secret: str, observer: Observer | None = None) -> None:
    """Events, commands and interactivity all on /slack/events; OAuth install pages when OAuth is set up.
    Bolt answers once the listener has acknowledged, so the time to answer is the acknowledgement latency."""
    verifier = SlackVerifier(signing_secret)
    watch = observer or NoObserver()

    async def events(request: web.Request) -> web.Response:
        started = time.monotonic()
        refused = await _refused(verifier, request)
        if refused is not None:
            return refused
        answer = await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))
        watch.acknowledged("slack", time.monotonic() - started)
        return answer

    server.router.add_post(EVENTS_PATH, events)
    flow = app.oauth_flow
    if flow is not None:
        async def install(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))

        async def redirect(request: web.Request) -> web.Response:
            return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

        server.router.add_get(flow.install_path, install)
        server.router.add_get(flow.redirect_uri_path, redirect)


def web_app(app: AsyncApp, signing_secret: str) -> web.Application:
    """A web server with only Slack's routes and /healthz (tests; `tandem run` uses Tandem's one web server)."""
    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    server = web.Application(client_max_size=MAX_BODY)
    add_routes(server, app, signing_secret)
    server.router.add_get("/healthz", healthz)
    return server


async def _refused(verifier: SlackVerifier, request: web.Request) -> web.Response | None:
    """The answer to a request that is not Slack's (None for one that is); the body is read only within the limit."""
    reason = verifier.header_problem(request.headers)
    status = 401
    if reason is None:
        try:
            reason = verifier.refusal(request.headers, await request.read())
        except web.HTTPRequestEntityTooLarge:
            reason, status = f"body larger than {MAX_BODY} bytes", 413
    if reason is None:
        return None
    log.warning("refused a request to %s from %s: %s", EVENTS_PATH, request.remote, reason)
    return web.Response(status=status, text="invalid request")


async def serve_http(app: AsyncApp, host: str, port: int, signing_secret: str) -> web.AppRunner:
    """Start serving on host:port (0 picks a free port; read it from runner.addresses). Caller cleans up."""
    runner = web.AppRunner(web_app(app, signing_secret), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def serve_socket(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """Connect over Socket Mode (apps.connections.open through app.client, then a WebSocket)."""
    handler = AsyncSocketModeHandler(app, app_token)
    await handler.connect_async()  # type: ignore[no-untyped-call]
    return handler


async def run_socket_until(app: AsyncApp, stop: threading.Event, app_token: str | None) -> None:
    """Stay connected over Socket Mode until `stop` is set, then close cleanly."""
    if not app_token:
        raise ValueError("slack.app_token is needed for Socket Mode")
    handler = await serve_socket(app, app_token)
    log.info("Slack connected over Socket Mode")
    await asyncio.to_thread(stop.wait)
    await handler.close_async()  # type: ignore[no-untyped-call]
