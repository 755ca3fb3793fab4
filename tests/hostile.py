"""Hostile text people might type, and what an outgoing Slack or Discord message must never contain because of it."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

Json = dict[str, Any]
HOSTILE = (
    "<!channel>", "<!here>", "<!everyone>", "<@U123>", "<@UBOB|bob>", "<!subteam^S1>", "<!subteam^S1|@design>",
    "<https://evil.example|https://good.example>", "<#C1|general>", "@everyone", "@here", "@channel",
    "<@&900000000000000050>", "<@900000000000001002>", "<@!900000000000001002>", "<#900000000000000100>",
    "</task add:1>", "[x](https://evil.example)", "[https://good.example](https://evil.example)",
    "\\[y](https://evil.example)", "*bold* _it_ ~s~ `c` ||spoil||", "> quoted", "# heading", "&lt;!channel&gt;",
    "\x1b[31mred\x1b[0m", "\x1b]0;owned\x07", "\u202eevil", "x" * 300,
)
WORDLESS = tuple(h for h in HOSTILE if " " not in h and len(h) < 60)  # fits where one word is expected (#project)


def hostile_text(words: tuple[str, ...] = HOSTILE, max_size: int = 4) -> st.SearchStrategy[str]:
    """A few hostile fragments, maybe with ordinary words between them."""
    piece = st.sampled_from(words) | st.sampled_from(("a", "deploy now", "T-1", "\\", "&"))
    return st.lists(piece, min_size=1, max_size=max_size).map("".join)


# Slack: in any `text` and any mrkdwn object, only &amp; &lt; &gt; may carry the three control characters.
SLACK_RAW = re.compile(r"[<>]|&(?!amp;|lt;|gt;)")


def slack_problems(message: Any, where: str = "message") -> Iterator[str]:
    """Where an outgoing Slack payload (chat.postMessage arguments, a response_url body, a view) could mention,
    link or spoof: an unescaped <, > or & in a text or mrkdwn object, or a mrkdwn object Slack would auto-link."""
    if isinstance(message, dict):
        if message.get("type") == "mrkdwn":
            if message.get("verbatim") is not True:
                yield f"{where}: mrkdwn without verbatim"
            if SLACK_RAW.search(str(message.get("text") or "")):
                yield f"{where}: unescaped {message.get('text')!r}"
        elif (message.get("type") != "plain_text" and isinstance(message.get("text"), str)
              and SLACK_RAW.search(message["text"])):
            yield f"{where}: unescaped text {message['text']!r}"
        for key, value in message.items():
            if key not in ("text", "value", "private_metadata", "action_id", "block_id", "callback_id"):
                yield from slack_problems(value, f"{where}.{key}")
    elif isinstance(message, list):
        for index, item in enumerate(message):
            yield from slack_problems(item, f"{where}[{index}]")


# Discord: what stays active once every backslash-escaped character is set aside.
ESCAPED = re.compile(r"\\.", re.DOTALL)
MASKED_LINK = re.compile(r"\[[^\]]*\]\(")
MENTION = re.compile(r"<@[!&]?\d+>|<#\d+>|@everyone|@here")


def discord_problems(body: Any, meant: frozenset[str] = frozenset(), where: str = "body") -> Iterator[str]:
    """Where a JSON body the bot sent to Discord could ping or spoof: an active masked link or mention in content or
    an embed, a message without allowed_mentions, or allowed_mentions that reach anyone but the people `meant`."""
    if isinstance(body, list):
        for index, item in enumerate(body):
            yield from discord_problems(item, meant, f"{where}[{index}]")
        return
    if not isinstance(body, dict):
        return
    if "content" in body or "embeds" in body:
        yield from _allowed(body.get("allowed_mentions"), meant, where)
        content = str(body.get("content") or "")
        intended = {f"<@{user}>" for user in meant}
        yield from _active(content, where + ".content", intended)
        for embed in body.get("embeds") or []:
            texts = [embed.get("title"), embed.get("description"), *(f.get("name") for f in embed.get("fields") or []),
                     *(f.get("value") for f in embed.get("fields") or [])]
            for text in texts:
                yield from _active(str(text or ""), where + ".embed", set())
    for key, value in body.items():
        if key not in ("allowed_mentions", "components", "embeds"):
            yield from discord_problems(value, meant, f"{where}.{key}")


def _allowed(allowed: Any, meant: frozenset[str], where: str) -> Iterator[str]:
    if not isinstance(allowed, dict):
        yield f"{where}: no allowed_mentions"
        return
    if set(allowed.get("parse") or ()) & {"everyone", "roles", "users"}:
        yield f"{where}: allowed_mentions parses {allowed.get('parse')}"
    if allowed.get("roles"):
        yield f"{where}: allowed_mentions names roles"
    if not set(map(str, allowed.get("users") or ())) <= meant:
        yield f"{where}: allowed_mentions names {allowed.get('users')}"


def _active(text: str, where: str, intended: set[str]) -> Iterator[str]:
    shown = ESCAPED.sub("", text)
    for found in MENTION.findall(shown):
        if found not in intended:
            yield f"{where}: active mention {found!r} in {text[:200]!r}"
    if MASKED_LINK.search(shown):
        yield f"{where}: masked link in {text[:200]!r}"


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
