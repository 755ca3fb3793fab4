"""The request being served: one id per incoming command or event, logged with every line written while it runs
and shown to people as the reference of an unexpected error, so the two can be matched."""
from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Request:
    """Where a command or event came from; `id` looks like the references people see ("E-1A2B3C")."""

    id: str
    platform: str = ""
    workspace: str = ""


_current: ContextVar[Request | None] = ContextVar("tandem_request", default=None)


def new_request_id() -> str:
    return "E-" + secrets.token_hex(3).upper()


def current_request() -> Request | None:
    return _current.get()


def begin_request(platform: str, workspace: str = "") -> Request:
    """Start serving a new request in this context (an asyncio task or a thread's context): for entry points
    whose context ends with them, such as an event handler running in its own task."""
    request = Request(new_request_id(), platform, workspace)
    _current.set(request)
    return request


@contextmanager
def serving(platform: str, workspace: str = "") -> Iterator[Request]:
    """Serve one request inside the block; the previous one (if any) is back afterwards."""
    request = Request(new_request_id(), platform, workspace)
    token = _current.set(request)
    try:
        yield request
    finally:
        _current.reset(token)
