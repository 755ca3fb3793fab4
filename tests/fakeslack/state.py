"""What the fake Slack knows (tokens, users, channels) and what it accepted (posts, updates, 429s)."""
from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Posted:
    """One accepted chat.postMessage (or chat.update)."""

    team: str
    channel: str
    text: str
    blocks: list[dict[str, Any]]
    ts: str
    thread_ts: str | None = None


@dataclass
class SlackState:
    """Seeded workspace data and a record of every call, guarded by one lock."""

    tokens: dict[str, str] = field(default_factory=dict)  # token -> team id
    revoked: set[str] = field(default_factory=set)
    app_tokens: dict[str, str] = field(default_factory=dict)  # app-level token (xapp-...) -> team id
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # user id -> users.info "user"
    channels: set[str] = field(default_factory=set)
    conversations: dict[str, dict[str, Any]] = field(default_factory=dict)  # channel -> conversations.info
    members: dict[str, list[str]] = field(default_factory=dict)  # channel -> user ids (default: everyone)
    bot_outside: set[str] = field(default_factory=set)  # private channels the bot was not invited to
    member_pages: int = 0  # conversations.members pages served
    posted: list[Posted] = field(default_factory=list)
    updated: list[Posted] = field(default_factory=list)
    calls: dict[str, int] = field(default_factory=dict)
    views: list[dict[str, Any]] = field(default_factory=list)  # views.open arguments
    published: list[dict[str, Any]] = field(default_factory=list)  # views.publish arguments
    ephemeral: list[Posted] = field(default_factory=list)  # chat.postEphemeral
    responses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (response id, body) to response_url
    # Slack's response_url rules: at most `response_uses` posts within `response_ttl` seconds of being issued
    response_ttl: float = 1800.0
    response_uses: int = 5
    issued: dict[str, float] = field(default_factory=dict)  # response id -> time.monotonic() when issued
    refused_responses: list[tuple[str, str]] = field(default_factory=list)  # (response id, error) refused posts
    rate_limited: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def count_call(self, method: str) -> None:
        with self.lock:
            self.calls[method] = self.calls.get(method, 0) + 1

    def knows_channel(self, channel: str) -> bool:
        return channel in self.users or channel in self.channels or channel.removeprefix("D") in self.users
