"""A Slack request signer written from Slack's spec (not slack_sdk's), and a client posting to /slack/events."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """`v0=` + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body)."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class SlackClient:
    """Plays Slack's side of the inbound HTTP: signed slash commands, events and interactions."""

    url: str
    secret: str
    team: str = "T1"
    domain: str = "acme"

    def post(self, body: bytes, content_type: str, *, timestamp: float | None = None, sign: bool = True,
             secret: str | None = None, headers: dict[str, str] | None = None) -> tuple[int, str]:
        stamp = str(int(timestamp if timestamp is not None else time.time()))
        sent = {"Content-Type": content_type, **(headers or {})}
        if sign:
            sent |= {"X-Slack-Request-Timestamp": stamp,
                     "X-Slack-Signature": signature(secret or self.secret, stamp, body)}
        request = urllib.request.Request(self.url, data=body, headers=sent, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return int(answer.status), answer.read().decode()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read().decode()

    def command(self, user: str, text: str, response_url: str, channel: str = "C1", **kw: Any) -> tuple[int, str]:
        form = {"command": "/task", "text": text, "user_id": user, "user_name": user.lower(), "team_id": self.team,
                "team_domain": self.domain, "channel_id": channel, "response_url": response_url,
                "trigger_id": "trigger-cmd", "api_app_id": "A1", "token": "legacy"}
        return self.post(urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded", **kw)

    def event(self, event: dict[str, Any], event_id: str, retry: int | None = None, **kw: Any) -> tuple[int, str]:
        envelope = {"token": "legacy", "team_id": self.team, "api_app_id": "A1", "type": "event_callback",
                    "event_id": event_id, "event_time": int(time.time()), "event": event,
                    "authorizations": [{"team_id": self.team, "user_id": "UTANDEM", "is_bot": True}]}
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        return self.post(json.dumps(envelope).encode(), "application/json", headers=headers, **kw)

    def interaction(self, payload: dict[str, Any], **kw: Any) -> tuple[int, str]:
        full = {"team": {"id": self.team, "domain": self.domain}, "api_app_id": "A1", "token": "legacy", **payload}
        body = urllib.parse.urlencode({"payload": json.dumps(full)}).encode()
        return self.post(body, "application/x-www-form-urlencoded", **kw)

    def click(self, user: str, action_id: str, value: str, message: dict[str, Any], channel: str,
              response_url: str, ephemeral: bool = False) -> tuple[int, str]:
        """A button click; `ephemeral` for a message only the clicker sees (Slack marks its container so)."""
        container = {"type": "message", "channel_id": channel, "message_ts": message.get("ts"),
                     **({"is_ephemeral": True} if ephemeral else {})}
        return self.interaction({
            "type": "block_actions", "user": {"id": user, "team_id": self.team}, "channel": {"id": channel},
            "container": container,
            "message": message, "response_url": response_url, "trigger_id": f"trigger-{user}",
            "actions": [{"type": "button", "action_id": action_id, "block_id": _block_of(message, action_id),
                         "value": value, "action_ts": "1"}],
        })

    def click_home(self, user: str, button: dict[str, Any], block_id: str) -> tuple[int, str]:
        """A click on a button of the App Home: the container is the view, and there is no response_url."""
        return self.interaction({
            "type": "block_actions", "user": {"id": user, "team_id": self.team},
            "container": {"type": "view", "view_id": "VHOME"}, "trigger_id": f"trigger-{user}",
            "view": {"id": "VHOME", "type": "home"},
            "actions": [{"type": "button", "action_id": button["action_id"], "block_id": block_id,
                         "value": button["value"], "action_ts": "1"}],
        })

    def submit(self, user: str, view: dict[str, Any], values: dict[str, Any]) -> tuple[int, str]:
        return self.interaction({
            "type": "view_submission", "user": {"id": user, "team_id": self.team},
            "view": {"id": "V1", "type": "modal", "callback_id": view["callback_id"],
                     "private_metadata": view.get("private_metadata", ""), "state": {"values": values}},
        })


def _block_of(message: dict[str, Any], action_id: str) -> str:
    """The block_id Slack sends with a click: that of the block holding the button (as the message had it)."""
    for block in message.get("blocks") or []:
        if any(e.get("action_id") == action_id for e in block.get("elements", [])):
            return str(block.get("block_id") or "b")
    return "b"
