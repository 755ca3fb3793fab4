"""Text from people, made safe to store and show: control characters, terminal escapes and bidi overrides removed."""
from __future__ import annotations

import re

# CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other escapes (ESC + one byte, ESC ( B …) and the 8-bit CSI.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x00-\x1f]*(?:\x07|\x1b\\)"
    r"|\x1b[ -/]*[0-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, lone surrogates.
# Joiners (U+200C/D), LRM/RLM (U+200E/F) and combining marks are what real scripts and emoji need: kept.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n?")
ECHO_LIMIT = 40


def clean(text: str) -> str:
    """`text` without control characters (tab and newline aside), ANSI escape sequences and bidi overrides."""
    text = _LINE_BREAKS.sub("\n", text)
    return _UNSAFE.sub("", _ESCAPES.sub("", text))


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """`text` as it may be echoed back in an answer: at most `limit` characters, cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
