"""GET /calendar/<token>.ics: a person's feed, for a token we know; anything else is a bare 404."""
from __future__ import annotations

import asyncio

from aiohttp import web

from bot.calendar.feed import feed_for
from core.calendar import looks_like_token, token_hash
from core.clock import Clock
from core.ports import UnitOfWorkFactory

ICS = "text/calendar"


def add_routes(server: web.Application, uow_factory: UnitOfWorkFactory, clock: Clock, base_url: str) -> None:
    def feed(token: str) -> bytes | None:
        with uow_factory() as uow:
            person_id = uow.calendars.person_for(token_hash(token))
        return None if person_id is None else feed_for(uow_factory, person_id, clock.now(), base_url)

    async def calendar(request: web.Request) -> web.Response:
        token = request.match_info["token"]
        body = await asyncio.to_thread(feed, token) if looks_like_token(token) else None
        if body is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=body, content_type=ICS, charset="utf-8",
                            headers={"Cache-Control": "private, max-age=300", "Referrer-Policy": "no-referrer"})

    server.router.add_get("/calendar/{token}.ics", calendar)
