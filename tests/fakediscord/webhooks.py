"""Interaction callbacks (3-second window, single initial response) and the interaction webhook (follow-ups)."""
from __future__ import annotations

import copy
import time
from typing import Any

from aiohttp import web

from tests.fakediscord.gateway import Gateway
from tests.fakediscord.httputil import ApiError, json_response, no_content, read_body
from tests.fakediscord.payloads import apply_edit
from tests.fakediscord.records import Interaction
from tests.fakediscord.rest import DIRECT_MESSAGES, GUILD_MESSAGES, PREFIX
from tests.fakediscord.state import DiscordState

Json = dict[str, Any]
EPHEMERAL = 1 << 6
LOADING = 1 << 7
CALLBACK_TYPES = {1, 4, 5, 6, 7, 8, 9}


class Webhooks:
    """POST /interactions/{id}/{token}/callback and /webhooks/{app}/{token}[/messages/{id}]."""

    def __init__(self, state: DiscordState, gateway: Gateway) -> None:
        self.state = state
        self.gateway = gateway

    def routes(self) -> list[web.RouteDef]:
        base = f"{PREFIX}/webhooks/{{app}}/{{token}}"
        return [
            web.post(f"{PREFIX}/interactions/{{interaction_id}}/{{token}}/callback", self.callback),
            web.post(base, self.followup),
            web.get(f"{base}/messages/{{message_id}}", self.get_message),
            web.patch(f"{base}/messages/{{message_id}}", self.edit_message),
            web.delete(f"{base}/messages/{{message_id}}", self.delete_message),
        ]

    async def callback(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        now = time.perf_counter()
        with self.state.cond:
            it = self.state.interactions.get(request.match_info["interaction_id"])
            if it is None or it.token != request.match_info["token"]:
                raise ApiError(404, 10062, "Unknown interaction")
            if it.acked:
                raise ApiError(400, 40060, "Interaction has already been acknowledged")
            if it.dispatched_at is None or now - it.dispatched_at > self.state.interaction_ttl:
                it.ack_deadline_missed = True
                self.state.changed()
                raise ApiError(404, 10062, "Unknown interaction")
            kind, data = int(body.get("type", 0)), dict(body.get("data") or {})
            self._check_type(it, kind)
            it.acked, it.first_response_at = True, now
            it._responses.append((kind, copy.deepcopy(data)))
            message, stored = self._apply(it, kind, data)
            self.state.changed()
            reply = self._callback_reply(it, kind, message)
            event = self.state.gateway_message(message) if stored and message is not None else None
        if event is not None:
            await self._announce(event)
        if request.query.get("with_response") in ("1", "true", "True"):
            return json_response(reply)
        return no_content()

    def _check_type(self, it: Interaction, kind: int) -> None:
        if kind not in CALLBACK_TYPES:
            raise ApiError(400, 50035, "Invalid Form Body: type is not a valid interaction callback type")
        if (kind == 8) != (it.type == 4) or (kind in (6, 7) and it.type not in (3, 5)) or (kind == 9 and it.type == 5):
            raise ApiError(400, 40043, "Interaction callback type not supported for this interaction")

    def _apply(self, it: Interaction, kind: int, data: Json) -> tuple[Json | None, bool]:
        """Effect of an initial response; returns (message it created or updated, whether it is in a channel)."""
        channel_id = it.payload["channel_id"]
        if kind in (4, 5):
            flags = int(data.get("flags") or 0)
            body = data if kind == 4 else {"content": "", "flags": LOADING | (flags & EPHEMERAL)}
            ephemeral = bool(flags & EPHEMERAL)
            message = self.state.create_message(channel_id, self.state.bot_user, body,
                                                20 if it.type == 2 else 0, store=not ephemeral)
            message["webhook_id"] = message["application_id"] = self.state.application_id
            message["interaction_metadata"] = {"id": it.id, "type": it.type, "user": self._user_of(it),
                                               "authorizing_integration_owners": {"0": it.payload["guild_id"]}
                                               if it.payload.get("guild_id") else {"1": self._user_of(it)["id"]}}
            it._original = message
            return message, not ephemeral
        if kind in (6, 7):  # the clicked message becomes @original; UPDATE_MESSAGE edits it now, 6 later
            clicked = str((it.payload.get("message") or {}).get("id"))
            target = self.state.message_index.get(clicked) or self.state.ephemeral_index.get(clicked)
            if target is not None:
                if kind == 7:
                    apply_edit(target, data)
                it._original = target
            return target, False
        return None, False

    def _user_of(self, it: Interaction) -> Json:
        user: Json = (it.payload.get("member") or {}).get("user") or it.payload["user"]
        return copy.deepcopy(user)

    def _callback_reply(self, it: Interaction, kind: int, message: Json | None) -> Json:
        info: Json = {"id": it.id, "type": it.type}
        resource: Json = {"type": kind}
        if message is not None and kind in (4, 5, 7):
            info.update(response_message_id=message["id"], response_message_loading=kind == 5,
                        response_message_ephemeral=bool(message["flags"] & EPHEMERAL))
            resource["message"] = copy.deepcopy(message)
        return {"interaction": info, "resource": resource}

    async def _announce(self, event: Json) -> None:
        guild_id = event.get("guild_id")
        await self.gateway.dispatch("MESSAGE_CREATE", event, guild_id, GUILD_MESSAGES if guild_id else DIRECT_MESSAGES)

    # the interaction webhook
    def _interaction(self, request: web.Request) -> Interaction:
        it = self.state.interactions_by_token.get(request.match_info["token"])
        alive = it is not None and it.first_response_at is not None and (
            time.perf_counter() - it.first_response_at < self.state.followup_ttl)
        if request.match_info["app"] != self.state.application_id or it is None or not alive:
            raise ApiError(404, 10015, "Unknown Webhook")
        return it

    def _webhook_message(self, it: Interaction, message_id: str) -> Json:
        found = it._original if message_id == "@original" else next(
            (m for m in [it._original, *it._followups] if m is not None and m["id"] == message_id), None)
        if found is None or found.get("deleted"):
            raise ApiError(404, 10008, "Unknown Message")
        return found

    async def followup(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        with self.state.cond:
            it = self._interaction(request)
            original = it._original
            if original is not None and original["flags"] & LOADING and not it._followups:
                apply_edit(original, body)  # the first follow-up after a deferral fills the "thinking" message
                original["flags"] &= ~LOADING
                message, event = original, None
            else:
                ephemeral = bool(int(body.get("flags") or 0) & EPHEMERAL)
                message = self.state.create_message(it.payload["channel_id"], self.state.bot_user, body,
                                                    store=not ephemeral)
                message["webhook_id"] = message["application_id"] = self.state.application_id
                event = None if ephemeral else self.state.gateway_message(message)
            it._followups.append(message)
            it.first_followup_at = it.first_followup_at or time.perf_counter()
            self.state.changed()
            reply = copy.deepcopy(message)
        if event is not None:
            await self._announce(event)
        return json_response(reply) if request.query.get("wait") in ("1", "true", "True") else no_content()

    async def get_message(self, request: web.Request) -> web.Response:
        with self.state.cond:
            it = self._interaction(request)
            return json_response(copy.deepcopy(self._webhook_message(it, request.match_info["message_id"])))

    async def edit_message(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        with self.state.cond:
            it = self._interaction(request)
            message = self._webhook_message(it, request.match_info["message_id"])
            apply_edit(message, body)
            message["flags"] &= ~LOADING
            self.state.changed()
            return json_response(copy.deepcopy(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        with self.state.cond:
            it = self._interaction(request)
            self.state.delete_message(self._webhook_message(it, request.match_info["message_id"]))
        return no_content()
