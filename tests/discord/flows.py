"""Small steps the Discord tests share: run /task subcommands, read messages, find and click buttons."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from tests.discord.conftest import GENERAL, GUILD
from tests.fakediscord import FakeDiscord
from tests.fakediscord.records import Interaction

T = TypeVar("T")
Json = dict[str, Any]
OPTION_TYPES = {str: 3, int: 4, bool: 5}
EPHEMERAL = 64


def task(fake: FakeDiscord, user: str, verb: str, channel: str = GENERAL, **options: Any) -> Interaction:
    """`/task <verb> option:value ...` run by `user` in `channel`."""
    given = [{"type": OPTION_TYPES[type(v)], "name": k, "value": v} for k, v in options.items()]
    return fake.slash(GUILD, channel, user, "task", [{"type": 1, "name": verb, "options": given}])


def settings(fake: FakeDiscord, user: str, name: str, **options: Any) -> Interaction:
    given = [{"type": 3, "name": k, "value": v} for k, v in options.items()]
    return fake.slash(GUILD, GENERAL, user, "task",
                      [{"type": 2, "name": "settings", "options": [{"type": 1, "name": name, "options": given}]}])


def answer(interaction: Interaction, timeout: float = 30.0) -> Json:
    """The follow-up the bot sent after deferring."""
    return interaction.wait_followup(timeout)


def shown(message: Json) -> str:
    """Everything a person reads in a message: content, embed titles, descriptions and fields, as Discord shows
    them (a backslash-escaped character reads as itself)."""
    parts = [str(message.get("content") or "")]
    for embed in message.get("embeds") or []:
        parts += [str(embed.get("title") or ""), str(embed.get("description") or "")]
        parts += [f"{f.get('name')}: {f.get('value')}" for f in embed.get("fields") or []]
    return re.sub(r"\\(.)", r"\1", "\n".join(p for p in parts if p))


def buttons(message: Json) -> dict[str, str]:
    """Button label -> custom_id."""
    return {c["label"]: c["custom_id"] for row in message.get("components") or [] for c in row.get("components", [])
            if c.get("type") == 2 and c.get("custom_id")}


def click(fake: FakeDiscord, message: Json, label: str, user: str) -> Interaction:
    found = buttons(message)
    assert label in found, f"no button {label!r} on the message; it has {sorted(found)}"
    return fake.click(message, found[label], user)


def is_ephemeral(message: Json) -> bool:
    return bool(int(message.get("flags") or 0) & EPHEMERAL)


def until(found: Callable[[], T | None], timeout: float = 30.0, what: str = "it") -> T:
    """Poll `found` until it gives something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        result = found()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout} s")
        time.sleep(0.02)
