"""Replies and notices as Discord messages: text, one embed per card, and persistent buttons.

The core's text is plain; this module is where it becomes Discord text. Content, embed titles, fields and
descriptions are escaped (`escape`), and every message names who may be pinged (`allowed_mentions`): nobody,
unless the sender adds the one person it means to reach.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import discord
from discord.utils import escape_markdown, escape_mentions

from adapters.discord.buttons import TaskButton
from core.cards import ReplyCard
from core.outcome import Action, Card, Reply

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_DESCRIPTION = 4096
MAX_EMBED_TEXT = 6000
MAX_FIELDS = 25
MAX_BUTTONS = 25
MAX_LABEL = 80
COLOUR = discord.Colour(0x4F7CAC)
STYLES = {"primary": discord.ButtonStyle.primary, "danger": discord.ButtonStyle.danger}
ESCAPED = re.compile(r"\\(.)", re.DOTALL)
BRACKETS = re.compile(r"\\.|[\[\]<]", re.DOTALL)  # an escape pair (kept), or a bracket still bare


def escape(text: str) -> str:
    """Plain text as Discord shows it literally: no markdown, no masked link, no mention. escape_markdown escapes
    backslashes too, but only one masked link per run of them and none inside a URL: every bracket it left bare
    is escaped after it."""
    marked = escape_markdown(text)
    return escape_mentions(BRACKETS.sub(lambda m: m.group(0) if len(m.group(0)) == 2 else "\\" + m.group(0), marked))


def unescape(text: str) -> str:
    """The plain text `escape` was given (mentions stay defused)."""
    return ESCAPED.sub(r"\1", text)


@dataclass(frozen=True)
class Shown:
    """A message to send or edit: plain content, embeds (escaped already) and the buttons (as Actions; made into a
    view on the event loop). The content is escaped in `kwargs`, the last step before Discord."""

    content: str
    embeds: list[discord.Embed] = field(default_factory=list)
    actions: tuple[Action, ...] = ()

    def kwargs(self, guild_id: str, edit: bool = False) -> dict[str, Any]:
        """Keyword arguments for send (or, with `edit`, for editing: no buttons then removes the old ones).
        Must run on the bot's event loop (a View needs one)."""
        content = escape(self.content[:MAX_CONTENT])[:MAX_CONTENT]
        typed = unfitting(self.actions, guild_id)
        if typed:  # a choice too long for a button's custom_id: the command to type instead
            content = (content + "\n" + escape(typed))[:MAX_CONTENT]
        found: dict[str, Any] = {"content": content or ("" if edit else "\u200b"), "embeds": self.embeds,
                                 "allowed_mentions": discord.AllowedMentions.none()}
        view = buttons(self.actions, guild_id)
        if view is not None or edit:
            found["view"] = view
        return found


def shown(reply: Reply, quote: str | None = None) -> Shown:
    cards = ((reply.card,) if reply.card else ()) + reply.cards
    content, rest = _content_and_rest(reply.text)
    embeds = [card_embed(card) for card in cards[:MAX_EMBEDS]] or _overflow(rest)
    if quote and embeds:
        embeds[0].description = "\n".join(f"> {escape(line)}" for line in quote[:3000].splitlines())[:4096]
    return Shown(content, embeds, reply.actions)


def _content_and_rest(text: str) -> tuple[str, list[str]]:
    """The whole lines that fit the content once escaped; the lines after them (a long list goes on in embeds,
    so its end, which says how to see more, is never cut off)."""
    if len(escape(text)) <= MAX_CONTENT:
        return text, []
    lines = text.split("\n")
    taken = 0
    while taken < len(lines) and len(escape("\n".join(lines[:taken + 1]))) <= MAX_CONTENT:
        taken += 1
    return ("\n".join(lines[:taken]) or text[:MAX_CONTENT // 2]), lines[taken:] if taken else []


def _overflow(lines: list[str]) -> list[discord.Embed]:
    """Lines as embed descriptions (escaped), within Discord's 4096 per description and 6000 per message."""
    embeds: list[discord.Embed] = []
    chunk: list[str] = []
    room = MAX_EMBED_TEXT
    for line in lines:
        line = escape(line)[:MAX_DESCRIPTION]
        if len(line) + 1 > room:
            break
        if len("\n".join([*chunk, line])) > MAX_DESCRIPTION:
            embeds.append(discord.Embed(description="\n".join(chunk), colour=COLOUR))
            chunk = []
        chunk.append(line)
        room -= len(line) + 1
    if chunk:
        embeds.append(discord.Embed(description="\n".join(chunk), colour=COLOUR))
    return embeds


def notice_shown(payload: dict[str, Any]) -> Shown:
    """An outbox payload ({"text", "card", "actions"}) as core.outcome.Notice stores it."""
    card = Card.from_dict(payload["card"]) if payload.get("card") else None
    actions = tuple(Action.from_dict(a) for a in payload.get("actions") or [])
    text = str(payload.get("text") or "") or (card.heading if card else "Tandem")
    return Shown(text[:MAX_CONTENT], [card_embed(card)] if card else [], actions)


def card_embed(card: Card) -> discord.Embed:
    title = f"{card.ref} · {card.heading}" if card.ref else card.heading
    embed = discord.Embed(title=_fit(title, 256), colour=COLOUR)
    for label, value in card.fields[:MAX_FIELDS]:
        embed.add_field(name=_fit(label, 256) or "\u200b", value=_fit(value, 1024) or "—", inline=len(value) < 40)
    return embed


def unfitting(actions: tuple[Action, ...], guild_id: str) -> str:
    """The choices no button can carry (Discord's custom_id holds 100 characters), as commands to type."""
    return "\n".join(f"{a.label}: {a.command}" for a in actions if not TaskButton.fits(guild_id, a.command, a.version))


def buttons(actions: tuple[Action, ...], guild_id: str) -> discord.ui.View | None:
    """A persistent view: every button a TaskButton whose custom_id carries the server and the command."""
    fitting = [a for a in actions if TaskButton.fits(guild_id, a.command, a.version)][:MAX_BUTTONS]
    if not fitting:
        return None
    view = discord.ui.View(timeout=None)
    for action in fitting:
        style = STYLES.get(action.style, discord.ButtonStyle.secondary)
        view.add_item(TaskButton(guild_id, action.command, action.label[:MAX_LABEL], style, action.version))
    return view


def quote_of(message: discord.Message | None) -> str:
    """The request a draft card quotes (what the person said), for the Edit modal to start from."""
    if message is None or not message.embeds:
        return ""
    description = message.embeds[0].description or ""
    return "\n".join(unescape(line.removeprefix("> ")) for line in description.splitlines()).strip()


def _fit(plain: str, limit: int) -> str:
    """Escaped, within Discord's limit for the field (escaping adds characters)."""
    return escape(plain[:limit])[:limit]


# Discord lets an interaction's token edit its responses for 15 minutes; the margin covers a later delivery.
INTERACTION_LIFETIME = timedelta(minutes=14)
ORIGINAL = "@original"  # the interaction's first response (for a click: the clicked message)


def reply_card(interaction: discord.Interaction[Any], message: str) -> ReplyCard:
    """Where a response to `interaction` (its id `message`, or ORIGINAL) can be edited later with its token."""
    return ReplyCard("", "discord", str(interaction.channel_id or ""), message, interaction.token,
                     INTERACTION_LIFETIME)
