"""Events: a request said to the bot (shown back as a draft card in its thread), the App Home, and who is in
which channel (joins, leaves, archiving), which decides who sees the tasks asked there."""
from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.people import PLATFORM
from adapters.slack.render import message, with_draft_text
from adapters.slack.translate import where_fields, without_bot
from core.commands import DraftRequest
from core.conversations import MembershipChange

ARCHIVING = {"channel_archive": True, "group_archive": True, "channel_unarchive": False, "group_unarchive": False}


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.event("app_mention")
    async def mentioned(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                        context: AsyncBoltContext) -> None:
        team, domain = where_fields(body)
        channel, ts = str(event.get("channel")), str(event.get("ts"))
        thread = str(event.get("thread_ts") or ts)
        link = (await client.chat_getPermalink(channel=channel, message_ts=ts)).get("permalink")
        where = Where(context.team_id or team, str(event.get("user")), domain, channel, thread, link)
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

    @app.event("member_joined_channel")
    @app.event("member_left_channel")
    async def membership(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                         context: AsyncBoltContext) -> None:
        team = context.team_id or where_fields(body)[0]
        channel, user = str(event.get("channel") or ""), str(event.get("user") or "")
        if user and user == context.bot_user_id:  # Tandem itself came or went: what it can read changed
            await core.read_conversation(client, team, channel)
            return
        joined = event.get("type") == "member_joined_channel"
        await core.membership(MembershipChange(PLATFORM, team, channel, user, joined=joined))

    @app.event("channel_left")
    @app.event("group_left")
    async def removed(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                      context: AsyncBoltContext) -> None:
        await core.read_conversation(client, context.team_id or where_fields(body)[0], str(event.get("channel") or ""))

    for name, archived in ARCHIVING.items():
        app.event(name)(_archiving(core, archived))


def _archiving(core: SlackCore, archived: bool) -> Any:
    async def archiving(event: dict[str, Any], body: dict[str, Any], context: AsyncBoltContext) -> None:
        team = context.team_id or where_fields(body)[0]
        await core.membership(MembershipChange(PLATFORM, team, str(event.get("channel") or ""), archived=archived))
    return archiving
