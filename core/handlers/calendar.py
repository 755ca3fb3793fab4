"""`/task calendar [reset]`: the speaker's private calendar feed address, made (or remade) on request."""
from __future__ import annotations

from core.calendar import new_token, token_hash
from core.commands import CalendarLink
from core.handlers.context import Context
from core.i18n import _
from core.outcome import Reply


def calendar_link(cmd: CalendarLink, ctx: Context) -> Reply:
    """Only a hash of the token is kept, so an address can be shown once: when it is made."""
    person_id = ctx.me.id or 0
    if not cmd.reset and ctx.uow.calendars.exists(person_id):
        return Reply(_("You already have a calendar feed. I keep only a fingerprint of its address, so I can't show "
                       "it again. To get a new address (the old one stops working): /task calendar reset"),
                     ephemeral=True, verb="calendar")
    token = new_token()
    ctx.uow.calendars.replace(person_id, token_hash(token), ctx.now)
    url = f"{ctx.web_url}/calendar/{token}.ics"
    if cmd.reset:
        text = _("Here is your new calendar address; the old one no longer works. Keep it to yourself: anyone with "
                 "it sees your dated tasks.\n{url}", url=url)
    else:
        text = _("Here is your calendar address. Keep it to yourself: anyone with it sees your dated tasks. "
                 "Subscribe to it in Google Calendar, Outlook or Apple Calendar (add a calendar from a URL); "
                 "/task calendar reset gives a new one if it leaks.\n{url}", url=url)
    return Reply(text, ephemeral=True, verb="calendar")
