"""Replies and notices as Discord messages: text, one embed per card, and persistent buttons."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import discord

from adapters.discord.buttons import TaskButton
from core.outcome import Action, Card, Reply

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_FIELDS = 25
MAX_BUTTONS = 25
MAX_LABEL = 80
COLOUR = discord.Colour(0x4F7CAC)
STYLES = {"primary": discord.ButtonStyle.primary, "danger": discord.ButtonStyle.danger}


@dataclass(frozen=True)
class Shown:
    """A message to send or edit: content, embeds and the buttons (as Actions; made into a view on the event loop)."""

    content: str
    embeds: list[discord.Embed] = field(default_factory=list)
    actions: tuple[Action, ...] = ()

    def kwargs(self, guild_id: str, edit: bool = False) -> dict[str, Any]:
        """Keyword arguments for send (or, with `edit`, for editing: no buttons then removes the old ones).
        Must run on the bot's event loop (a View needs one)."""
        found: dict[str, Any] = {"content": self.content or ("" if edit else "​"), "embeds": self.embeds}
        view = buttons(self.actions, guild_id)
        if view is not None or edit:
            found["view"] = view
        return found


def shown(reply: Reply, quote: str | None = None) -> Shown:
    cards = ((reply.card,) if reply.card else ()) + reply.cards
    embeds = [card_embed(card) for card in cards[:MAX_EMBEDS]]
    if quote and embeds:
        embeds[0].description = f"> {quote[:3000]}"
    return Shown(reply.text[:MAX_CONTENT], embeds, reply.actions)


def notice_shown(payload: dict[str, Any]) -> Shown:
    """An outbox payload ({"text", "card", "actions"}) as core.outcome.Notice stores it."""
    card = Card.from_dict(payload["card"]) if payload.get("card") else None
    actions = tuple(Action.from_dict(a) for a in payload.get("actions") or [])
    text = str(payload.get("text") or "") or (card.heading if card else "Tandem")
    return Shown(text[:MAX_CONTENT], [card_embed(card)] if card else [], actions)


def card_embed(card: Card) -> discord.Embed:
    title = f"{card.ref} · {card.heading}" if card.ref else card.heading
    embed = discord.Embed(title=title[:256], colour=COLOUR)
    for label, value in card.fields[:MAX_FIELDS]:
        embed.add_field(name=label[:256] or "\u200b", value=value[:1024] or "—", inline=len(value) < 40)
    return embed


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
    return "\n".join(line.removeprefix("> ") for line in description.splitlines()).strip()
