"""The fake's interactive surfaces: views.open/publish, chat.postEphemeral, chat.getPermalink, response_url sink."""
from __future__ import annotations

import json
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
        body = json.loads(await request.text() or "{}")
        with self.state.lock:
            self.state.responses.append((request.match_info["id"], body))
        return web.Response(text="ok")


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or {})


def _json(**fields: Any) -> web.Response:
    return web.json_response(fields)
