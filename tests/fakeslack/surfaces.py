"""The fake's interactive surfaces: views.open/publish, chat.postEphemeral, chat.getPermalink, response_url sink."""
from __future__ import annotations

import json
import time
from typing import Any

from aiohttp import web

from tests.fakeslack.state import Posted, SlackState

Args = dict[str, Any]


class Surfaces:
    """Records what the bot showed: modals, App Home views, ephemeral messages, and bodies sent to response_url."""

    def __init__(self, state: SlackState) -> None:
        self.state = state

    def methods(self) -> dict[str, Any]:
        return {"views.open": self.views_open, "views.publish": self.views_publish,
                "chat.postEphemeral": self.post_ephemeral, "chat.getPermalink": self.permalink}

    def views_open(self, team: str, args: Args) -> web.Response:
        if not args.get("trigger_id"):
            return _json(ok=False, error="invalid_trigger_id")
        view = _decoded(args.get("view"))
        with self.state.lock:
            self.state.views.append({"trigger_id": args["trigger_id"], "view": view})
        return _json(ok=True, view={"id": f"V{len(self.state.views)}", **view})

    def views_publish(self, team: str, args: Args) -> web.Response:
        view = _decoded(args.get("view"))
        with self.state.lock:
            self.state.published.append({"user_id": args.get("user_id"), "view": view})
        return _json(ok=True, view=view)

    def post_ephemeral(self, team: str, args: Args) -> web.Response:
        blocks = _decoded(args.get("blocks")) or []
        with self.state.lock:
            self.state.ephemeral.append(Posted(team, str(args.get("channel")), str(args.get("text") or ""),
                                               list(blocks), self.state.next_ts(), args.get("thread_ts")))
        return _json(ok=True, message_ts=self.state.next_ts())

    def permalink(self, team: str, args: Args) -> web.Response:
        channel, ts = args.get("channel"), str(args.get("message_ts") or "")
        return _json(ok=True, channel=channel, permalink=f"https://fake.slack.test/archives/{channel}/p{ts}")

    async def response(self, request: web.Request) -> web.Response:
        """A post to a response_url: Slack answers 404 `expired_url` after 30 minutes and `used_url` after 5 uses."""
        body = json.loads(await request.text() or "{}")
        name = request.match_info["id"]
        with self.state.lock:
            issued = self.state.issued.setdefault(name, time.monotonic())
            used = sum(1 for key, _ in self.state.responses if key == name)
            error = ("expired_url" if time.monotonic() - issued > self.state.response_ttl
                     else "used_url" if used >= self.state.response_uses else None)
            if error is not None:
                self.state.refused_responses.append((name, error))
                return web.Response(status=404, text=error)
            self.state.responses.append((name, body))
        return web.Response(text="ok")


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or {})


def _json(**fields: Any) -> web.Response:
    return web.json_response(fields)
