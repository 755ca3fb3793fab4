"""The fake's Socket Mode: apps.connections.open (app-level token) and the /socket WebSocket that carries envelopes."""
from __future__ import annotations

import asyncio
import json
import secrets
import threading
import uuid
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakeslack.state import SlackState

Args = dict[str, Any]
ENVELOPE_TYPES = ("slash_commands", "events_api", "interactive")


class SocketMode:
    """Issues WebSocket URLs for app-level tokens, sends envelopes to the connected client and records its acks."""

    def __init__(self, state: SlackState) -> None:
        self.state = state
        self.port = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self._tickets: dict[str, str] = {}  # ticket -> team
        self._sockets: list[web.WebSocketResponse] = []
        self._acks: dict[str, dict[str, Any]] = {}
        self._sent: list[dict[str, Any]] = []
        self._changed = threading.Condition()

    # Web API side
    def connections_open(self, team: str, args: Args) -> web.Response:
        ticket = secrets.token_hex(8)
        self._tickets[ticket] = team
        return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket?ticket={ticket}"})

    async def socket(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if self._tickets.pop(ticket, None) is None:  # a ticket is good for one connection, like Slack's
            return web.Response(status=401, text="invalid ticket")
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": len(self._sockets) + 1,
                                      "debug_info": {"host": "fake-slack", "build_number": 1,
                                                     "approximate_connection_time": 18060},
                                      "connection_info": {"app_id": "A1"}}))
        with self._changed:
            self._sockets.append(ws)
            self._changed.notify_all()
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._received(json.loads(msg.data))
        finally:
            with self._changed:
                if ws in self._sockets:
                    self._sockets.remove(ws)
                self._changed.notify_all()
        return ws

    def _received(self, message: Any) -> None:
        if isinstance(message, dict) and message.get("envelope_id"):
            with self._changed:
                self._acks.setdefault(str(message["envelope_id"]), message)
                self._changed.notify_all()

    async def close_all(self, _app: web.Application | None = None) -> None:
        for ws in list(self._sockets):
            await ws.close()

    # test side (any thread)
    def wait_connected(self, timeout: float = 30.0) -> None:
        with self._changed:
            if not self._changed.wait_for(lambda: bool(self._sockets), timeout):
                raise AssertionError("no Socket Mode client connected")

    @property
    def connected(self) -> int:
        with self._changed:
            return len(self._sockets)

    def send_envelope(self, kind: str, payload: dict[str, Any], retry_attempt: int = 0, retry_reason: str = "",
                      timeout: float = 30.0) -> str:
        """Push one envelope to the connected client; returns its envelope_id (see `wait_ack`)."""
        if kind not in ENVELOPE_TYPES:
            raise ValueError(f"unknown envelope type {kind}")
        self.wait_connected(timeout)
        envelope_id = str(uuid.uuid4())
        envelope = {"envelope_id": envelope_id, "type": kind, "payload": payload,
                    "accepts_response_payload": kind != "events_api",
                    "retry_attempt": retry_attempt, "retry_reason": retry_reason}
        if self.loop is None:
            raise RuntimeError("the fake Slack is not running")
        asyncio.run_coroutine_threadsafe(self._send(json.dumps(envelope)), self.loop).result(timeout)
        with self._changed:
            self._sent.append(envelope)
        return envelope_id

    async def _send(self, text: str) -> None:
        sockets = list(self._sockets)
        if not sockets:
            raise AssertionError("no Socket Mode client connected")
        await sockets[-1].send_str(text)

    def wait_ack(self, envelope_id: str, timeout: float = 30.0) -> dict[str, Any]:
        """The client's ack of an envelope (`{"envelope_id", "payload"?}`); fails after `timeout` seconds."""
        with self._changed:
            if not self._changed.wait_for(lambda: envelope_id in self._acks, timeout):
                raise AssertionError(f"envelope {envelope_id} was not acked")
            return dict(self._acks[envelope_id])

    def ack_of(self, envelope_id: str) -> dict[str, Any] | None:
        with self._changed:
            found = self._acks.get(envelope_id)
            return dict(found) if found is not None else None

    @property
    def sent(self) -> list[dict[str, Any]]:
        with self._changed:
            return list(self._sent)
