"""Channels named in a command (`<#C123|general>`, as Slack escapes them): read before the command needs them."""
from __future__ import annotations

import re

CHANNEL = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>")


def named_channels(text: str) -> list[str]:
    """The channel ids named in `text`, in order, without repeats."""
    return list(dict.fromkeys(CHANNEL.findall(text)))
