"""DMs to the bot (the Messages tab) read as plain words, and a ✅ added by a task's owner marking it done."""
from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.people import PLATFORM
from adapters.slack.render import message, unescape, with_draft_text
from adapters.slack.translate import where_fields
from core.commands import Converse, ReactDone

DONE_REACTIONS = frozenset({"white_check_mark", "heavy_check_mark", "ballot_box_with_check"})


async def _is_dm(event: dict[str, Any]) -> bool:
    """A person's own new message in a DM with the bot: no edits, joins or bot posts (Tandem hears itself too)."""
    return event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id")


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.event("message", matchers=[_is_dm])
    async def direct(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                     context: AsyncBoltContext) -> None:
        team, domain = where_fields(body)
        channel = str(event.get("channel"))
        where = Where(context.team_id or team, str(event.get("user")), domain, channel)  # no thread to hear back in
        speaker = await core.speaker(client, where)
        said = await core.readable(client, where, unescape(str(event.get("text") or "")).strip())
        if said.startswith("/task"):
            answer = await core.run_text(said, speaker)
        else:
            answer = await core.run(Converse(said), speaker)
        reply = with_draft_text(answer.reply, said)
        if reply.text or reply.card:
            await client.chat_postMessage(channel=channel, **message(reply))
        core.refresh_home(client, speaker, where.user)

    @app.event("reaction_added")
    async def reacted(event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient,
                      context: AsyncBoltContext) -> None:
        item = event.get("item") or {}
        if event.get("reaction") not in DONE_REACTIONS or item.get("type") != "message":
            return
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(event.get("user")), domain)
        speaker = await core.speaker(client, where)
        answer = await core.run(ReactDone(PLATFORM, str(item.get("channel")), str(item.get("ts"))), speaker)
        if answer.ok and answer.reply.text:  # anyone else's ✅, or one on no task's card, is ignored silently
            await client.chat_postMessage(channel=where.user, **message(answer.reply))
            core.refresh_home(client, speaker, where.user)
