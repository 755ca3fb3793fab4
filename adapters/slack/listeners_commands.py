"""The `/task` slash command: ack at once, then identify, translate mentions, run, respond."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.files import hand_over
from adapters.slack.render import message, reply_card
from adapters.slack.translate import where_fields
from core.i18n import speaking_to


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.command("/task")
    async def task_command(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond,
                           context: AsyncBoltContext) -> None:
        await ack()
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(body.get("user_id")), domain, body.get("channel_id"))
        speaker = await core.speaker(client, where)
        text = await core.readable(client, where, "/task " + str(body.get("text") or ""))
        reply = (await core.run_text(text, speaker)).reply
        if reply.attachment is not None:
            with speaking_to(speaker.lang):
                sent = await hand_over(client, where.user, reply.attachment)
            reply = replace(reply, text=f"{reply.text}\n{sent}", attachment=None)
        await respond(response_type="ephemeral" if reply.ephemeral else "in_channel", **message(reply))
        if reply.ephemeral:  # a card the channel sees is not edited for one reader's sake
            await core.remember_card(speaker, reply, reply_card(body))
        core.refresh_home(client, speaker, where.user)
