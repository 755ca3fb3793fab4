"""Button clicks (`tandem:<verb>`): run the command on the button, or open a modal when it has a blank."""
from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from adapters.common.buttons import done_by, needs_modal, words
from adapters.common.runner import Answer
from adapters.slack.blocks import version_in
from adapters.slack.bridge import SlackCore, Where
from adapters.slack.modals import modal_for
from adapters.slack.render import message, settled
from adapters.slack.translate import where_fields
from core.i18n import speaking_to

TANDEM_ACTION = re.compile(r"^tandem:.*")
STALE = "stale"


def register(app: AsyncApp, core: SlackCore) -> None:
    @app.action(TANDEM_ACTION)
    async def clicked(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient,
                      respond: AsyncRespond, context: AsyncBoltContext) -> None:
        await ack()
        command = str(action.get("value") or "")
        version = version_in(str(action.get("block_id") or ""))
        team, domain = where_fields(body)
        where = Where(context.team_id or team, str(context.user_id), domain, context.channel_id)
        speaker = await core.speaker(client, where)
        if needs_modal(command):
            meta = {"response_url": body.get("response_url"), "channel": context.channel_id, "version": version,
                    "text": str((body.get("message") or {}).get("text") or "")[:500]}
            with speaking_to(speaker.lang):
                view = modal_for(command, meta)
            await client.views_open(trigger_id=body["trigger_id"], view=view)
            return
        answer = await core.run_text(command, speaker, version)
        handle = await core.handle_of(client, where.team, where.user, domain)
        original = (body.get("message") or {}).get("blocks") or []
        await settle(respond, answer, words(command)[0], handle, original, speaker.lang)
        core.refresh_home(client, speaker, where.user)


async def settle(respond: AsyncRespond, answer: Answer, verb: str, handle: str, original: list[Any],
                 lang: str = "en") -> None:
    """Show who changed the clicked message and how; the reply itself goes to the clicker only."""
    reply = answer.reply
    if not answer.ok:
        await respond(response_type="ephemeral", replace_original=False, **message(reply))
        return
    if reply.verb == STALE:  # the card showed an old state: it now shows the task as it is
        await respond(replace_original=True, **message(reply))
        return
    await respond(replace_original=True, **settled(original, done_by(reply.verb or verb, handle, lang), reply))
    if reply.ephemeral and reply.text:
        await respond(response_type="ephemeral", replace_original=False, **message(reply))
