"""The fake's Web API methods: auth.test, chat.postMessage, chat.update, users.info, conversations.open."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fakeslack.faults import Fault, Faults
from tests.fakeslack.limits import RateLimiter
from tests.fakeslack.state import Posted, SlackState

Args = dict[str, Any]
Method = Callable[[str, Args], web.Response]


class SlackApi:
    """Routes `/api/<method>` like Slack: errors are HTTP 200 `{"ok": false}`, limits are HTTP 429 + Retry-After."""

    def __init__(self, state: SlackState, faults: Faults, limiter: RateLimiter) -> None:
        self.state, self.faults, self.limiter = state, faults, limiter
        self.methods: dict[str, Method] = {
            "auth.test": self.auth_test,
            "chat.postMessage": self.post_message,
            "chat.update": self.update,
            "users.info": self.users_info,
            "conversations.open": self.conversations_open,
        }
        self.app_methods: dict[str, Method] = {}  # methods that take an app-level token (xapp-...)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self.handle)
        return app

    async def handle(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        self.state.count_call(name)
        fault = self.faults.take(name)
        if fault is not None:
            answer = await _apply(fault)
            if answer is not None:
                if answer.status == 429:
                    with self.state.lock:
                        self.state.rate_limited += 1
                return answer
        method = self.methods.get(name)
        app_method = self.app_methods.get(name)
        if method is None and app_method is None:
            return _fail("unknown_method")
        args = await _arguments(request)
        token = _token(request, args)
        if token in self.state.revoked:
            return _fail("token_revoked")
        if app_method is not None:
            app_team = self.state.app_tokens.get(token or "")
            if app_team is None:
                return _fail("not_authed" if not token else "not_allowed_token_type" if token in self.state.tokens
                             else "invalid_auth")
            return app_method(app_team, args)
        if method is None or token in self.state.app_tokens:
            return _fail("not_allowed_token_type" if method is not None else "unknown_method")
        team = self.state.tokens.get(token or "")
        if team is None:
            return _fail("not_authed" if not token else "invalid_auth")
        return method(team, args)

    def auth_test(self, team: str, args: Args) -> web.Response:
        return _ok(url="https://fake.slack.test/", team="Fake", user="tandem", team_id=team,
                   user_id="UTANDEM", bot_id="BTANDEM")

    def post_message(self, team: str, args: Args) -> web.Response:
        channel = str(args.get("channel") or "")
        if not channel:
            return _fail("channel_not_found")
        if not (args.get("text") or args.get("blocks")):
            return _fail("no_text")
        if (error := self.faults.for_channel(channel)) is not None:
            return _fail(error)
        if not self.state.knows_channel(channel):
            return _fail("channel_not_found")
        if (retry_after := self.limiter.admit(team, channel)) > 0:
            with self.state.lock:
                self.state.rate_limited += 1
            return _rate_limited(retry_after)
        dm = "D" + channel if channel in self.state.users else channel
        with self.state.lock:
            posted = Posted(team, channel, str(args.get("text") or ""), _blocks(args), self.state.next_ts(),
                            args.get("thread_ts"))
            self.state.posted.append(posted)
        return _ok(channel=dm, ts=posted.ts, message={"text": posted.text, "blocks": posted.blocks})

    def update(self, team: str, args: Args) -> web.Response:
        channel, ts = str(args.get("channel") or ""), str(args.get("ts") or "")
        with self.state.lock:
            if not any(p.ts == ts for p in self.state.posted):
                return _fail("message_not_found")
            self.state.updated.append(Posted(team, channel, str(args.get("text") or ""), _blocks(args), ts))
        return _ok(channel=channel, ts=ts, text=args.get("text", ""))

    def users_info(self, team: str, args: Args) -> web.Response:
        user = self.state.users.get(str(args.get("user") or ""))
        if user is None:
            return _fail("user_not_found")
        # Like Slack: the user's locale only when asked for with include_locale.
        asked = str(args.get("include_locale") or "").lower() in ("1", "true")
        return _ok(user=user if asked else {k: v for k, v in user.items() if k != "locale"})

    def conversations_open(self, team: str, args: Args) -> web.Response:
        users = [u for u in str(args.get("users") or "").split(",") if u]
        if len(users) != 1 or users[0] not in self.state.users:
            return _fail("user_not_found")
        return _ok(channel={"id": "D" + users[0]})


async def _apply(fault: Fault) -> web.Response | None:
    if fault.delay:
        await asyncio.sleep(fault.delay)
    if fault.then_accept:
        return None
    if fault.status == 429:
        return _rate_limited(fault.retry_after or 1)
    if fault.status != 200:
        return web.Response(status=fault.status, text="<html>upstream trouble</html>", content_type="text/html")
    return _fail(fault.error or "internal_error")


async def _arguments(request: web.Request) -> Args:
    args: Args = dict(request.query)
    if request.content_type == "application/json":
        raw = await request.text()
        body = json.loads(raw) if raw.strip() else {}
        if isinstance(body, dict):
            args.update(body)
    elif request.can_read_body:
        args.update(dict(await request.post()))
    return args


def _token(request: web.Request, args: Args) -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header.removeprefix("Bearer ").strip()
    token = args.get("token")
    return str(token) if token else None


def _blocks(args: Args) -> list[dict[str, Any]]:
    blocks = args.get("blocks")
    if isinstance(blocks, str):  # form bodies carry blocks as a JSON string
        blocks = json.loads(blocks)
    return list(blocks or [])


def _ok(**fields: Any) -> web.Response:
    return web.json_response({"ok": True, **fields})


def _fail(error: str) -> web.Response:
    return web.json_response({"ok": False, "error": error})


def _rate_limited(retry_after: int) -> web.Response:
    return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                             headers={"Retry-After": str(retry_after)})


Handler = Callable[[web.Request], Awaitable[web.Response]]
