"""Events: a request said to the bot (shown back as a draft card in its thread) and the App Home."""
from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.render import message, with_draft_text
from adapters.slack.translate import where_fields, without_bot
from core.commands import DraftRequest


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.event("app_mention")
    async def mentioned(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                        context: AsyncBoltContext) -> None:
        team, domain = where_fields(body)
        channel, ts = str(event.get("channel")), str(event.get("ts"))
        thread = str(event.get("thread_ts") or ts)
        link = (await client.chat_getPermalink(channel=channel, message_ts=ts)).get("permalink")
        where = Where(context.team_id or team, str(event.get("user")), domain, channel, ts, link)
        speaker = await core.speaker(client, where)
        said = await core.readable(client, where, without_bot(str(event.get("text") or ""), context.bot_user_id))
        reply = with_draft_text((await core.run(DraftRequest(said), speaker)).reply, said)
        if reply.ephemeral:
            await client.chat_postEphemeral(channel=channel, user=where.user, thread_ts=thread, **message(reply))
        else:
            await client.chat_postMessage(channel=channel, thread_ts=thread, **message(reply))

    @app.event("app_home_opened")
    async def home_opened(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                          context: AsyncBoltContext) -> None:
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(event.get("user")), domain)
        speaker = await core.speaker(client, where)
        await core.publish_home(client, speaker, where.user)
