"""FakeSlack: runs the fake Web API on 127.0.0.1 (ephemeral port) in a background thread, with seeding and faults."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from aiohttp import web

from tests.fakeslack.conversations import Conversations
from tests.fakeslack.faults import Fault, Faults
from tests.fakeslack.files import Files, Uploaded
from tests.fakeslack.handlers import SlackApi
from tests.fakeslack.limits import Limits, RateLimiter
from tests.fakeslack.socketmode import SocketMode
from tests.fakeslack.state import Posted, SlackState
from tests.fakeslack.surfaces import Surfaces
from tests.fakeslack.usergroups import Usergroups
from tests.loopserver import LoopServer

POST = "chat.postMessage"


class FakeSlack(LoopServer):
    """A Slack Web API double. `api_url` ends with '/', as slack_sdk's base_url must."""

    thread_name = "fake-slack"
    backlog = 512

    def __init__(self, limits: Limits | None = None) -> None:
        super().__init__()
        self.state = SlackState()
        self.faults = Faults()
        self.limiter = RateLimiter(limits or Limits())
        self._api = SlackApi(self.state, self.faults, self.limiter)
        self.surfaces = Surfaces(self.state)
        self._api.methods.update(self.surfaces.methods())
        self.files = Files(self.state)
        self._api.methods.update(self.files.methods())
        self.conversations = Conversations(self.state)
        self._api.methods.update(self.conversations.methods())
        self.usergroups = Usergroups()
        self._api.methods.update(self.usergroups.methods())
        self.socket_mode = SocketMode(self.state)
        self._api.app_methods["apps.connections.open"] = self.socket_mode.connections_open

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str) -> str:
        """A response_url whose posts are recorded under `name` (see `responses`). Like Slack's, it takes at most
        5 posts within 30 minutes of being issued (`state.response_uses`, `state.response_ttl`); `expire_response`
        ends its window at once."""
        with self.state.lock:
            self.state.issued.setdefault(name, time.monotonic())
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def expire_response(self, name: str) -> None:
        """The response_url `name` is past its 30 minutes."""
        with self.state.lock:
            self.state.issued[name] = time.monotonic() - self.state.response_ttl - 1

    def refused_responses(self, name: str | None = None) -> list[str]:
        """The errors Slack answered posts to an expired or used-up response_url with."""
        with self.state.lock:
            return [error for key, error in self.state.refused_responses if name is None or key == name]

    # seeding
    def add_token(self, token: str, team: str) -> None:
        self.state.tokens[token] = team

    def add_app_token(self, token: str, team: str) -> None:
        """An app-level token (xapp-...) for apps.connections.open (Socket Mode)."""
        self.state.app_tokens[token] = team

    def revoke(self, token: str) -> None:
        self.state.revoked.add(token)

    def add_user(self, user_id: str, **fields: Any) -> None:
        self.state.users[user_id] = {"id": user_id, "name": user_id.lower(), "tz": "UTC", **fields}

    def add_channel(self, channel: str, **kind: Any) -> None:
        """A channel (public unless private/im/mpim) with `members` (default: everyone) and `bot_in`."""
        self.conversations.add(channel, **kind)

    # faults
    def fail_next(self, count: int, status: int = 500, method: str = POST) -> None:
        self.faults.next_calls(method, count, Fault(status=status))

    def rate_limit_next(self, count: int, retry_after: int = 1, method: str = POST) -> None:
        self.faults.next_calls(method, count, Fault(status=429, retry_after=retry_after))

    def slow_next(self, count: int, delay: float, then_accept: bool = False, method: str = POST) -> None:
        self.faults.next_calls(method, count, Fault(status=500, delay=delay, then_accept=then_accept))

    def error_next(self, count: int, error: str, method: str = POST) -> None:
        self.faults.next_calls(method, count, Fault(status=200, error=error))

    def channel_error(self, channel: str, error: str | None) -> None:
        self.faults.channel_error(channel, error)

    # Socket Mode
    def send_envelope(self, kind: str, payload: dict[str, Any], retry_attempt: int = 0,
                      retry_reason: str = "") -> str:
        """Push a `slash_commands`, `events_api` or `interactive` envelope to the connected client."""
        return self.socket_mode.send_envelope(kind, payload, retry_attempt, retry_reason)

    def wait_ack(self, envelope_id: str, timeout: float = 30.0) -> dict[str, Any]:
        return self.socket_mode.wait_ack(envelope_id, timeout)

    # what happened
    @property
    def posted(self) -> list[Posted]:
        with self.state.lock:
            return list(self.state.posted)

    @property
    def updated(self) -> list[Posted]:
        """Messages edited with chat.update (channel as the caller named it, ts of the message edited)."""
        with self.state.lock:
            return list(self.state.updated)

    def responses(self, name: str | None = None) -> list[dict[str, Any]]:
        with self.state.lock:
            return [body for key, body in self.state.responses if name is None or key == name]

    @property
    def views(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.views)

    @property
    def published(self) -> list[dict[str, Any]]:
        with self.state.lock:
            return list(self.state.published)

    @property
    def ephemeral(self) -> list[Posted]:
        with self.state.lock:
            return list(self.state.ephemeral)

    def uploaded(self) -> list[Uploaded]:
        with self.state.lock:
            return list(self.files.uploaded)

    def posts_to(self, channel: str) -> list[Posted]:
        return [p for p in self.posted if p.channel == channel]

    def calls(self, method: str = POST) -> int:
        with self.state.lock:
            return self.state.calls.get(method, 0)

    def traffic(self) -> int:
        """Every request the fake received from the bot: Web API calls and posts to response_urls."""
        with self.state.lock:
            return sum(self.state.calls.values()) + len(self.state.responses)

    @property
    def rate_limited(self) -> int:
        with self.state.lock:
            return self.state.rate_limited

    def make_app(self) -> web.Application:
        app = self._api.app()
        app.router.add_post("/response/{id}", self.surfaces.response)
        app.router.add_get("/socket", self.socket_mode.socket)
        app.router.add_post("/upload/{id}", self.files.upload)
        app.on_shutdown.append(self.socket_mode.close_all)
        return app

    def serving(self) -> None:
        self.socket_mode.port = self.files.port = self.port
        self.socket_mode.loop = asyncio.get_running_loop()


@contextmanager
def running_fake_slack(limits: Limits | None = None) -> Iterator[FakeSlack]:
    """Start a FakeSlack for the duration of the block."""
    fake = FakeSlack(limits).start()
    try:
        yield fake
    finally:
        fake.stop()
