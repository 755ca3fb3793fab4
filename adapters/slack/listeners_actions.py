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
from adapters.slack.remember import remember_created
from adapters.slack.render import message, reply_card, settled
from adapters.slack.translate import where_fields
from core.commands import Speaker
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
        if (body.get("container") or {}).get("type") == "view":  # the App Home: no message to settle
            await on_home(client, core, speaker, where.user, command, answer)
            return
        handle = await core.handle_of(client, where.team, where.user, domain)
        original = (body.get("message") or {}).get("blocks") or []
        used = await settle(respond, answer, words(command)[0], handle, original, speaker.lang)
        if (body.get("container") or {}).get("is_ephemeral"):  # a message on Slack's side is edited by its ts
            await core.remember_card(speaker, answer.reply, reply_card(body, used))
        await remember_created(core, speaker, answer, words(command)[0], body)
        core.refresh_home(client, speaker, where.user)


async def on_home(client: AsyncWebClient, core: SlackCore, speaker: Speaker, user: str, command: str,
                  answer: Answer) -> None:
    """A click on the App Home: More shows the next page there; anything else is answered in a DM and the home
    shows the new state."""
    if answer.ok and words(command)[0] == "list":
        await core.publish_home(client, speaker, user, answer.reply)
        return
    await client.chat_postMessage(channel=user, **message(answer.reply))
    core.refresh_home(client, speaker, user)


async def settle(respond: AsyncRespond, answer: Answer, verb: str, handle: str, original: list[Any],
                 lang: str = "en") -> int:
    """Show who changed the clicked message and how; the reply itself goes to the clicker only.
    Returns how many of the response_url's uses it took."""
    reply = answer.reply
    if not answer.ok:
        await respond(response_type="ephemeral", replace_original=False, **message(reply))
        return 1
    # a card that showed an old state now shows the task as it is; a list's More shows the next page in its place
    if reply.verb == STALE or verb == "list":
        await respond(replace_original=True, **message(reply))
        return 1
    await respond(replace_original=True, **settled(original, done_by(reply.verb or verb, handle, lang), reply))
    if reply.ephemeral and reply.text:
        await respond(response_type="ephemeral", replace_original=False, **message(reply))
        return 2
    return 1
