"""The gateway: HELLO → IDENTIFY → READY + GUILD_CREATE per guild of the shard, heartbeats, RESUME, dispatches."""
from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakediscord.ids import shard_of, snowflake
from tests.fakediscord.state import DiscordState

Json = dict[str, Any]
HEARTBEAT_INTERVAL_MS = 41250
GUILDS_INTENT = 1 << 0
MEMBERS_INTENT = 1 << 1
MESSAGE_CONTENT_INTENT = 1 << 15

log = logging.getLogger(__name__)


@dataclass
class Session:
    """One identified gateway connection (a bot process or one shard of it)."""

    ws: web.WebSocketResponse
    session_id: str
    shard_id: int = 0
    shard_count: int = 1
    intents: int = 0
    seq: int = 0

    def gets(self, guild_id: str | None) -> bool:
        """Whether this session receives the guild's events (DM events go to shard 0)."""
        return shard_of(guild_id, self.shard_count) == self.shard_id if guild_id else self.shard_id == 0


class Gateway:
    """Serves /gateway and pushes dispatches to every identified session that should get them."""

    def __init__(self, state: DiscordState, gateway_url: Callable[[], str]) -> None:
        self.state = state
        self.gateway_url = gateway_url
        self.sessions: list[Session] = []
        self.resumable: dict[str, Session] = {}
        self.sockets: set[web.WebSocketResponse] = set()

    async def handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        self.sockets.add(ws)
        session: Session | None = None
        try:
            await ws.send_str(json.dumps({"op": 10, "s": None, "t": None,
                                          "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}))
            async for frame in ws:
                if frame.type != WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                session = await self._on_op(ws, session, int(message.get("op", -1)), message.get("d"))
        finally:
            self.sockets.discard(ws)
            if session is not None and session in self.sessions:
                self.sessions.remove(session)
                self.resumable[session.session_id] = session
        return ws

    async def _on_op(self, ws: web.WebSocketResponse, session: Session | None, op: int, data: Any) -> Session | None:
        if op == 1:
            await ws.send_str(json.dumps({"op": 11, "s": None, "t": None, "d": None}))
        elif op == 2:
            return await self._identify(ws, data)
        elif op == 6:
            return await self._resume(ws, data)
        return session

    async def _identify(self, ws: web.WebSocketResponse, data: Json) -> Session | None:
        if data.get("token") != self.state.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return None
        shard = data.get("shard")
        session = Session(ws, snowflake().encode().hex()[:32], intents=int(data.get("intents", 0)))
        if shard:
            session.shard_id, session.shard_count = int(shard[0]), int(shard[1])
            if not 0 <= session.shard_id < session.shard_count:
                await ws.close(code=4010, message=b"Invalid shard.")
                return None
        with self.state.cond:
            guild_ids = [g for g in self.state.guilds if session.gets(g)]
            ready: Json = {
                "v": 10, "user": dict(self.state.bot_user),
                "guilds": [{"id": g, "unavailable": True} for g in guild_ids],
                "session_id": session.session_id, "resume_gateway_url": self.gateway_url(),
                "application": {"id": self.state.application_id, "flags": 0}, "private_channels": [],
                "presences": [], "relationships": [], "guild_join_requests": [], "user_settings": {},
                "geo_ordered_rtc_regions": [], "auth": {}, "session_type": "normal",
            }
            if shard:
                ready["shard"] = [session.shard_id, session.shard_count]
            guilds = [self.state.guild_payload(g) for g in guild_ids]
        self.sessions.append(session)
        await self._send(session, "READY", ready)
        for guild in guilds:
            await self._send(session, "GUILD_CREATE", guild)
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: Json) -> Session | None:
        old = self.resumable.pop(str(data.get("session_id")), None)
        if old is None or data.get("token") != self.state.token:
            await ws.send_str(json.dumps({"op": 9, "s": None, "t": None, "d": False}))
            return None
        old.ws = ws
        self.sessions.append(old)
        await self._send(old, "RESUMED", {})
        return old

    async def _send(self, session: Session, event: str, data: Json) -> None:
        session.seq += 1
        await session.ws.send_str(json.dumps({"op": 0, "s": session.seq, "t": event, "d": data}))

    async def dispatch(self, event: str, data: Json, guild_id: str | None, intent: int = 0,
                       before_send: Callable[[], None] | None = None, needs_content_intent: bool = False) -> int:
        """Send a dispatch to each session that gets `guild_id` (and has `intent`, if given); how many got it.

        With `needs_content_intent`, sessions without MESSAGE_CONTENT get the message with content, embeds,
        attachments and components emptied, as Discord does for guild messages that don't mention the bot.
        """
        targets = [s for s in self.sessions if s.gets(guild_id) and (not intent or s.intents & intent)
                   and not s.ws.closed]
        if before_send is not None:
            before_send()
        for session in targets:
            try:
                stripped = needs_content_intent and not session.intents & MESSAGE_CONTENT_INTENT
                await self._send(session, event, {**data, "content": "", "embeds": [], "attachments": [],
                                                  "components": []} if stripped else data)
            except ConnectionError:
                log.debug("session %s went away during %s", session.session_id, event)
        return len(targets)

    async def close_all(self, _app: web.Application | None = None) -> None:
        for ws in list(self.sockets):
            await ws.close(code=1001, message=b"fake Discord shutting down")
        await asyncio.sleep(0)
