"""/healthz (the process answers) and /readyz (the database answers and its schema is the newest)."""
from __future__ import annotations

import asyncio

from aiohttp import web
from sqlalchemy import Engine

from storage.migrate import not_ready


def add_routes(server: web.Application, engine: Engine) -> None:
    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def readyz(_request: web.Request) -> web.Response:
        reason = await asyncio.to_thread(not_ready, engine)
        if reason is not None:
            return web.json_response({"ok": False, "reason": reason}, status=503)
        return web.json_response({"ok": True})

    server.router.add_get("/healthz", healthz)
    server.router.add_get("/readyz", readyz)
