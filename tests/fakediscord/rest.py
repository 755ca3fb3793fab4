"""REST API under /api/v10: auth, rate limits, request log, and the endpoints discord.py uses for a bot."""
from __future__ import annotations

import copy
import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fakediscord import limits
from tests.fakediscord.gateway import Gateway
from tests.fakediscord.httputil import ApiError, json_response, no_content, read_body
from tests.fakediscord.payloads import apply_edit
from tests.fakediscord.records import RequestRecord
from tests.fakediscord.state import DiscordState

Json = dict[str, Any]
PREFIX = "/api/v10"
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
GUILD_MESSAGE_REACTIONS = 1 << 10
DIRECT_MESSAGE_REACTIONS = 1 << 13
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


async def _json_sent(request: web.Request) -> Any:
    """The JSON body of a request (read again: aiohttp keeps it), or None."""
    if request.content_type != "application/json" or not request.body_exists:
        return None
    try:
        return json.loads(await request.text() or "null")
    except ValueError:
        return None


def needs_auth(path: str) -> bool:
    """Interaction callbacks and token webhooks are authorised by their token in the URL, like on Discord."""
    parts = path.strip("/").split("/")
    return not (parts[0] == "interactions" or (parts[0] == "webhooks" and len(parts) >= 3))


class Rest:
    """The bot-facing REST endpoints, sharing the fake's state and gateway."""

    def __init__(self, state: DiscordState, gateway: Gateway, gateway_url: Callable[[], str]) -> None:
        self.state = state
        self.gateway = gateway
        self.gateway_url = gateway_url
        self.rules: list[limits.Rule] = []

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(PREFIX + "/"):
            return await handler(request)
        path = request.path[len(PREFIX):]
        response: web.StreamResponse
        try:
            response = await self._guarded(request, handler, path)
        except ApiError as error:
            response = json_response({"message": error.message, "code": error.code}, error.status)
        except web.HTTPMethodNotAllowed:
            response = json_response({"message": "405: Method Not Allowed", "code": 0}, 405)
        except web.HTTPNotFound:
            response = json_response({"message": "404: Not Found", "code": 0}, 404)
        if response.status != 429:
            response.headers.update(limits.ok_headers(request.method, path))
        sent = await _json_sent(request)
        with self.state.cond:
            self.state.requests.append(RequestRecord(request.method, path, response.status, time.perf_counter(), sent))
            self.state.changed()
        return response

    async def _guarded(self, request: web.Request, handler: Handler, path: str) -> web.StreamResponse:
        if needs_auth(path) and request.headers.get("Authorization") != f"Bot {self.state.token}":
            raise ApiError(401, 0, "401: Unauthorized")
        with self.state.cond:
            rule = next((r for r in self.rules if r.matches(request.method, path)), None)
            if rule is not None:
                rule.times -= 1
        if rule is not None:
            headers, body = limits.limited(request.method, path, rule)
            return json_response(body, 429, headers)
        return await handler(request)

    def routes(self) -> list[web.RouteDef]:
        p = PREFIX
        return [
            web.get(f"{p}/users/@me", self.me), web.get(f"{p}/users/{{user_id}}", self.get_user),
            web.post(f"{p}/users/@me/channels", self.open_dm),
            web.get(f"{p}/oauth2/applications/@me", self.application),
            web.get(f"{p}/gateway", self.get_gateway), web.get(f"{p}/gateway/bot", self.get_gateway_bot),
            web.put(f"{p}/applications/{{app}}/commands", self.put_commands),
            web.get(f"{p}/applications/{{app}}/commands", self.get_commands),
            web.put(f"{p}/applications/{{app}}/guilds/{{guild_id}}/commands", self.put_commands),
            web.get(f"{p}/applications/{{app}}/guilds/{{guild_id}}/commands", self.get_commands),
            web.get(f"{p}/channels/{{channel_id}}", self.get_channel),
            web.post(f"{p}/channels/{{channel_id}}/messages", self.post_message),
            web.get(f"{p}/channels/{{channel_id}}/messages/{{message_id}}", self.get_message),
            web.patch(f"{p}/channels/{{channel_id}}/messages/{{message_id}}", self.edit_message),
            web.delete(f"{p}/channels/{{channel_id}}/messages/{{message_id}}", self.delete_message),
            web.get(f"{p}/guilds/{{guild_id}}", self.get_guild),
            web.get(f"{p}/guilds/{{guild_id}}/members/{{user_id}}", self.get_member),
        ]

    # users, application, gateway
    async def me(self, _request: web.Request) -> web.Response:
        with self.state.cond:
            return json_response(copy.deepcopy(self.state.bot_user))

    async def get_user(self, request: web.Request) -> web.Response:
        with self.state.cond:
            user = self.state.users.get(request.match_info["user_id"])
            if user is None:
                raise ApiError(404, 10013, "Unknown User")
            return json_response(copy.deepcopy(user))

    async def open_dm(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        with self.state.cond:
            if str(body.get("recipient_id")) not in self.state.users:
                raise ApiError(400, 50033, "Invalid Recipient(s)")
            return json_response(copy.deepcopy(self.state.dm_channel(str(body["recipient_id"]))))

    async def application(self, _request: web.Request) -> web.Response:
        with self.state.cond:
            bot, owner = copy.deepcopy(self.state.bot_user), copy.deepcopy(self.state.owner_user)
        return json_response({
            "id": self.state.application_id, "name": bot["username"], "icon": None, "description": "",
            "summary": "", "type": None, "bot_public": True, "bot_require_code_grant": False, "owner": owner,
            "verify_key": "0" * 64, "team": None, "flags": 0, "rpc_origins": [], "hook": True, "bot": bot,
            "interactions_endpoint_url": None, "redirect_uris": [], "tags": [], "approximate_guild_count": 1,
            "integration_types_config": {"0": {}}, "terms_of_service_url": None, "privacy_policy_url": None,
        })

    async def get_gateway(self, _request: web.Request) -> web.Response:
        return json_response({"url": self.gateway_url()})

    async def get_gateway_bot(self, _request: web.Request) -> web.Response:
        return json_response({"url": self.gateway_url(), "shards": 1, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1}})

    # commands
    def _check_app(self, request: web.Request) -> str | None:
        if request.match_info["app"] != self.state.application_id:
            raise ApiError(403, 50001, "Missing Access")
        guild_id = request.match_info.get("guild_id")
        if guild_id is not None and guild_id not in self.state.guilds:
            raise ApiError(404, 10004, "Unknown Guild")
        return guild_id

    async def put_commands(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        with self.state.cond:
            guild_id = self._check_app(request)
            if not isinstance(body, list):
                raise ApiError(400, 50035, "Invalid Form Body")
            return json_response(self.state.put_commands(guild_id, body))

    async def get_commands(self, request: web.Request) -> web.Response:
        with self.state.cond:
            guild_id = self._check_app(request)
            return json_response(copy.deepcopy(self.state.commands.get(guild_id, [])))

    # channels, messages, guilds
    def _channel(self, channel_id: str) -> Json:
        channel = self.state.channels.get(channel_id)
        if channel is None:
            raise ApiError(404, 10003, "Unknown Channel")
        return channel

    def _message(self, channel_id: str, message_id: str) -> Json:
        self._channel(channel_id)
        message = self.state.message_index.get(message_id)
        if message is None or message["channel_id"] != channel_id or message.get("deleted"):
            raise ApiError(404, 10008, "Unknown Message")
        return message

    async def get_channel(self, request: web.Request) -> web.Response:
        with self.state.cond:
            return json_response(copy.deepcopy(self._channel(request.match_info["channel_id"])))

    async def post_message(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        channel_id = request.match_info["channel_id"]
        with self.state.cond:
            channel = self._channel(channel_id)
            recipient = self.state.dm_recipient(channel_id)
            if recipient is not None and recipient in self.state.closed_dms:
                raise ApiError(403, 50007, "Cannot send messages to this user")
            if body.get("attachments") and channel_id in self.state.no_files:
                raise ApiError(403, 50013, "Missing Permissions")
            if not any(body.get(k) for k in ("content", "embeds", "components", "attachments", "sticker_ids",
                                             "poll")):
                raise ApiError(400, 50006, "Cannot send an empty message")
            if len(body.get("content") or "") > 2000:
                raise ApiError(400, 50035, "Invalid Form Body: content must be 2000 or fewer in length.")
            earlier = self.state.sent_with_nonce(self.state.bot_user_id, body)
            if earlier is not None:  # enforce_nonce: the same nonce again returns the message, creating nothing
                return json_response(copy.deepcopy(earlier))
            message = self.state.create_message(channel_id, self.state.bot_user, body)
            self.state.remember_nonce(self.state.bot_user_id, body, message)
            event = self.state.gateway_message(message)
            guild_id = channel.get("guild_id")
        await self.gateway.dispatch("MESSAGE_CREATE", event, guild_id,
                                    GUILD_MESSAGES if guild_id else DIRECT_MESSAGES)
        return json_response(copy.deepcopy(message))

    async def get_message(self, request: web.Request) -> web.Response:
        with self.state.cond:
            message = self._message(request.match_info["channel_id"], request.match_info["message_id"])
            return json_response(copy.deepcopy(message))

    async def edit_message(self, request: web.Request) -> web.Response:
        body = await read_body(request)
        with self.state.cond:
            message = self._message(request.match_info["channel_id"], request.match_info["message_id"])
            if message["author"]["id"] != self.state.bot_user_id:
                raise ApiError(403, 50005, "Cannot edit a message authored by another user")
            apply_edit(message, body)
            self.state.changed()
            return json_response(copy.deepcopy(message))

    async def delete_message(self, request: web.Request) -> web.Response:
        with self.state.cond:
            message = self._message(request.match_info["channel_id"], request.match_info["message_id"])
            self.state.delete_message(message)
        return no_content()

    async def get_guild(self, request: web.Request) -> web.Response:
        with self.state.cond:
            guild_id = request.match_info["guild_id"]
            if guild_id not in self.state.guilds:
                raise ApiError(404, 10004, "Unknown Guild")
            guild = self.state.guild_payload(guild_id)
        for key in ("members", "channels", "threads", "voice_states", "presences", "joined_at", "large",
                    "member_count", "stage_instances", "guild_scheduled_events", "soundboard_sounds"):
            guild.pop(key, None)
        return json_response(guild)

    async def get_member(self, request: web.Request) -> web.Response:
        with self.state.cond:
            guild_id = request.match_info["guild_id"]
            if guild_id not in self.state.guilds:
                raise ApiError(404, 10004, "Unknown Guild")
            member = self.state.member(guild_id, request.match_info["user_id"])
            if member is None:
                raise ApiError(404, 10007, "Unknown Member")
            return json_response(member)
