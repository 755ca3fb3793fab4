"""Modal submissions: the filled-in blank runs as its command, then the clicked message is settled."""
from __future__ import annotations

import json
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from adapters.common.buttons import words
from adapters.slack.bridge import SlackCore, Where
from adapters.slack.listeners_actions import settle
from adapters.slack.modals import missing, submitted
from adapters.slack.render import message, section, unescape
from adapters.slack.translate import where_fields

BLANK_MODALS = re.compile(r"^tandem:(propose|accept|decline|snooze|revise|fill)$")


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.view(BLANK_MODALS)
    async def filled_in(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient,
                        context: AsyncBoltContext) -> None:
        meta: dict[str, Any] = json.loads(view.get("private_metadata") or "{}")
        kind, command = str(view["callback_id"]).split(":", 1)[1], str(meta.get("command") or "")
        values = view.get("state", {}).get("values", {})
        errors = missing(kind, values)
        if errors:  # the modal stays open with the field errors; nothing reaches the core
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(context.user_id), domain, meta.get("channel"))
        speaker = await core.speaker(client, where)
        answer = await core.attempt(lambda: submitted(kind, command, values), speaker, str(meta.get("version") or ""))
        handle = await core.handle_of(client, where.team, where.user, domain)
        url = meta.get("response_url")
        if url:
            original = [section(unescape(str(meta.get("text") or "")))] if meta.get("text") else []
            await settle(AsyncRespond(response_url=url), answer, words(command)[0], handle, original, speaker.lang)
        else:
            await client.chat_postMessage(channel=where.user, **message(answer.reply))
        core.refresh_home(client, speaker, where.user)
