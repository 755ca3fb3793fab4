"""Case-insensitive lookup keys for names people type ("@Ana", "#Launch"), and LIKE escaping."""
from __future__ import annotations


def name_key(text: str, sigil: str = "") -> str:
    """`text` stripped of spaces and a leading `sigil`, case-folded for comparison."""
    cleaned = text.strip()
    if sigil and cleaned.startswith(sigil):
        cleaned = cleaned[len(sigil) :]
    return cleaned.strip().casefold()


def escape_like(text: str) -> str:
    """`text` with LIKE wildcards taken literally (use with escape="\\")."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
