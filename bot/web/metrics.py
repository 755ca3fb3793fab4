"""GET /metrics: Prometheus' text format, from this process's registry."""
from __future__ import annotations

import asyncio

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest


def add_routes(server: web.Application, registry: CollectorRegistry) -> None:
    async def metrics(_request: web.Request) -> web.Response:
        body = await asyncio.to_thread(generate_latest, registry)  # the outbox gauges read the database
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    server.router.add_get("/metrics", metrics)
