"""Files handed over with a reply (a person's data export): uploaded to the speaker's direct messages."""
from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from core.outcome import Attachment

log = logging.getLogger("tandem.slack")
ANNOUNCED = "Here is the file you asked for: {name}."
SENT = "I sent the file to you in a direct message."
REFUSED = ("Slack refused the file ({error}), so nothing was sent. Check that Tandem has the files:write scope, "
           "or ask whoever runs Tandem for `tandem export` on the server.")


async def hand_over(client: AsyncWebClient, user: str, attachment: Attachment) -> str:
    """Upload `attachment` to `user`'s DM with Tandem; the sentence to add to the reply. The DM's id comes from
    posting there (chat:write), so no im:write scope is needed."""
    try:
        posted = await client.chat_postMessage(channel=user, text=ANNOUNCED.format(name=attachment.filename))
        await client.files_upload_v2(channel=str(posted["channel"]), content=attachment.content.encode(),
                                     filename=attachment.filename, title=attachment.filename)
    except SlackApiError as error:
        return REFUSED.format(error=error.response.get("error", "refused"))
    except SlackClientError as error:
        log.warning("could not upload %s: %s", attachment.filename, error)
        return REFUSED.format(error="upload failed")
    return SENT
