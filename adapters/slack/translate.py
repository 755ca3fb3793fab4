"""Pure translation of Slack text and payload fields into what the core needs."""
from __future__ import annotations

import re

MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


def mentioned_users(text: str) -> list[str]:
    """The user ids mentioned as <@U123> or <@U123|name>, in order, without repeats."""
    return list(dict.fromkeys(MENTION.findall(text)))


def with_handles(text: str, handles: dict[str, str]) -> str:
    """Replace <@U123|name> with @handle for every user the core knows."""
    return MENTION.sub(lambda m: f"@{handles[m.group(1)]}" if m.group(1) in handles else m.group(0), text)


def without_bot(text: str, bot_user_id: str | None) -> str:
    """The request said to the bot, without the bot's own mention."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>[,:]?", "", text)
    return " ".join(text.split())


def where_fields(body: dict[str, object]) -> tuple[str, str]:
    """(team id, team domain) from any Slack payload: commands, events and interactions spell them differently."""
    team = body.get("team")
    if isinstance(team, dict):
        return str(team.get("id") or ""), str(team.get("domain") or "")
    return str(body.get("team_id") or ""), str(body.get("team_domain") or "")
