"""The App Home view: what is asked of me, what I wait on, my own tasks, and where settings live."""
from __future__ import annotations

from typing import Any

from adapters.slack.blocks import Block, card_heading, mrkdwn_section, section
from adapters.slack.render import context
from core.i18n import N_, _
from core.outcome import Reply

MAX_BLOCKS = 100
SETTINGS_HINT = N_("Settings: /task settings (tz, hours, days, digest, lang). Help: /task help")


def home_view(sections: list[tuple[str, Reply]]) -> dict[str, Any]:
    blocks: list[Block] = []
    for title, reply in sections:
        blocks.append({"type": "header", "text": {"type": "plain_text", "text": title[:150]}})
        blocks.append(section(reply.text or _("Nothing here.")))
        for card in ((reply.card,) if reply.card else ()) + reply.cards:
            blocks.append(mrkdwn_section(card_heading(card)))
        blocks.append({"type": "divider"})
    blocks.append(context(_(SETTINGS_HINT)))
    return {"type": "home", "blocks": blocks[:MAX_BLOCKS]}
