"""The "Make it a task" shortcut: open the modal, then add the task with a link back to the message."""
from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.bridge import SlackCore, Where
from adapters.slack.modals import read
from adapters.slack.remember import remember_posted
from adapters.slack.render import message
from adapters.slack.shortcut import CALLBACK, MODAL, meta_of, task_modal, task_text
from adapters.slack.translate import where_fields
from core.commands import AddTask
from core.i18n import speaking_to


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.shortcut(CALLBACK)
    async def make_it_a_task(ack: AsyncAck, shortcut: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        channel = str((shortcut.get("channel") or {}).get("id") or "")
        team, domain = where_fields(shortcut)
        speaker = await core.speaker(client, Where(team, str((shortcut.get("user") or {}).get("id") or ""), domain))
        with speaking_to(speaker.lang):
            view = task_modal(shortcut["message"], channel)
        await client.views_open(trigger_id=shortcut["trigger_id"], view=view)

    @app.view(MODAL)
    async def task_made(ack: AsyncAck, body: dict[str, Any], view: dict[str, Any], client: AsyncWebClient,
                        context: AsyncBoltContext) -> None:
        await ack()
        meta, values = meta_of(view), view.get("state", {}).get("values", {})
        channel, ts = str(meta.get("channel") or ""), str(meta.get("ts") or "")
        link = (await client.chat_getPermalink(channel=channel, message_ts=ts)).get("permalink")
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(context.user_id), domain, channel, ts, link)
        speaker = await core.speaker(client, where)
        owner = read(values, "owner")
        handle = await core.handle_of(client, where.team, owner, domain) if owner else ""
        reply = (await core.run(AddTask(task_text(handle, values)), speaker)).reply
        if reply.ephemeral:
            await client.chat_postEphemeral(channel=channel, user=where.user, thread_ts=ts, **message(reply))
        else:
            posted = await client.chat_postMessage(channel=channel, thread_ts=ts, **message(reply))
            await remember_posted(core, speaker, reply.card, channel, posted.get("ts"))
        core.refresh_home(client, speaker, where.user)
