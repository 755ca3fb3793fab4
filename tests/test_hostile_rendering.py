"""Property: whatever people type, every renderer's output for every field mentions no one and links nowhere."""
from __future__ import annotations

import asyncio

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.console.render import BotMessage
from adapters.discord.render import notice_shown, quote_of, shown
from adapters.slack.blocks import fallback_text, notice_blocks
from adapters.slack.home import home_view
from adapters.slack.render import message, settled
from core.outcome import Action, Card, Notice, Reply
from tests.hostile import CONTROL, discord_problems, hostile_text, slack_problems

ACTIONS = (Action("accept", "Accept", "/task accept T-1", "primary"),
           Action("decline", "Decline", "/task decline T-1 <reason>"))


@st.composite
def replies(draw: st.DrawFn) -> Reply:
    """A reply whose every echoed field (text, card heading, field labels and values) may be hostile."""
    text = draw(hostile_text())
    fields = tuple((draw(hostile_text(max_size=2)), draw(hostile_text())) for _ in range(draw(st.integers(0, 3))))
    card = Card(draw(hostile_text()), fields, draw(st.sampled_from(("T-1", None))))
    return Reply(text, card=draw(st.sampled_from((card, None))), actions=ACTIONS, cards=(card,))


@settings(max_examples=150, deadline=None)
@given(replies(), hostile_text())
def test_slack_replies_notices_settled_messages_and_the_app_home_are_escaped(reply: Reply, note: str) -> None:
    notice = Notice(1, "request", reply.text, card=reply.card, actions=reply.actions).payload()
    outgoing = {
        "reply": message(reply),
        "settled": settled([], note, reply),
        "notice": {"text": fallback_text(notice), "blocks": notice_blocks(notice)},
        "home": home_view(reply),
    }
    for name, payload in outgoing.items():
        assert list(slack_problems(payload, name)) == []


@settings(max_examples=150, deadline=None)
@given(replies(), hostile_text())
def test_discord_messages_embeds_and_quotes_are_escaped_and_mention_no_one(reply: Reply, quote: str) -> None:
    notice = Notice(1, "request", reply.text, card=reply.card).payload()

    async def bodies() -> list[dict[str, object]]:  # a View needs a running loop
        made = [shown(reply, quote=quote).kwargs("1"), notice_shown(notice).kwargs("1")]
        return [{**kw, "embeds": [e.to_dict() for e in kw["embeds"]],
                 "allowed_mentions": kw["allowed_mentions"].to_dict()} for kw in made]

    for body in asyncio.run(bodies()):
        assert list(discord_problems(body)) == []


@given(hostile_text())
def test_a_quoted_request_reads_back_as_it_was_said(said: str) -> None:
    """(A backslash inside a URL is left as typed, so it may not read back: those are left out here.)"""
    said = " ".join(said.replace("\\", "").split())
    reply = Reply("", card=Card("Draft"))
    embed = shown(reply, quote=said).embeds[0]
    message = discord.Message.__new__(discord.Message)
    message.embeds = [embed]
    assert quote_of(message).replace("\u200b", "") == said.strip()


@given(replies())
def test_the_console_echoes_no_terminal_control_characters(reply: Reply) -> None:
    out = BotMessage("@bob", None, reply.text, reply.actions, reply.card, reply.cards)
    assert not CONTROL.search(out.as_text().replace("\n", " "))
    assert not CONTROL.search(out.as_json())
