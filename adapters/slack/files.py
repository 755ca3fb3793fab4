"""Files handed over with a reply (a person's data export): uploaded to the speaker's direct messages."""
from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from core.i18n import N_, _
from core.outcome import Attachment

log = logging.getLogger("tandem.slack")
ANNOUNCED = N_("Here is the file you asked for: {name}.")
SENT = N_("I sent the file to you in a direct message.")
REFUSED = N_("Slack refused the file ({error}), so nothing was sent. Check that Tandem has the files:write scope, "
             "or ask whoever runs Tandem for `tandem export` on the server.")


async def hand_over(client: AsyncWebClient, user: str, attachment: Attachment) -> str:
    """Upload `attachment` to `user`'s DM with Tandem; the sentence to add to the reply. The DM's id comes from
    posting there (chat:write), so no im:write scope is needed. Said in the current reader's language."""
    try:
        posted = await client.chat_postMessage(channel=user, text=_(ANNOUNCED, name=attachment.filename))
        await client.files_upload_v2(channel=str(posted["channel"]), content=attachment.content.encode(),
                                     filename=attachment.filename, title=attachment.filename)
    except SlackApiError as error:
        return _(REFUSED, error=error.response.get("error", "refused"))
    except SlackClientError as error:
        log.warning("could not upload %s: %s", attachment.filename, error)
        return _(REFUSED, error="upload failed")
    return _(SENT)
