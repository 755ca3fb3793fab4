"""Building the title from what is left, and telling requests from chit-chat."""
from __future__ import annotations

from core.language.tokens import Token

_LEAD = [
    ("can", "you"), ("could", "you"), ("would", "you"), ("will", "you"), ("can",), ("could",), ("would",),
    ("please",), ("pls",), ("plz",), ("kindly",), ("hey",), ("ok",), ("okay",), ("remind", "me", "to"),
    ("remind", "to"), ("ask", "to"), ("tell", "to"),
    ("i", "need", "you", "to"), ("need", "you", "to"), ("to",), ("and",), ("also",),
]
_TAIL = [("please",), ("pls",), ("thanks",), ("thx",), ("thank", "you"), ("and",), ("by",), ("on",),
         ("at",), ("due",), ("to",)]
_PUNCT = " \t\n,;:-–—.!?"
_CHAT = {
    "thanks", "thank you", "thx", "ty", "lol", "haha", "ok", "okay", "hi", "hello", "hey", "cool", "nice",
    "great", "yes", "no", "yep", "nope", "sure", "good morning", "good night", "bye", "cheers", "wow",
    "thanks a lot",
    "danke", "gracias", "merci", "hallo", "hola", "bonjour", "salut",
    "thank you so much", "ok thanks", "sounds good", "np", "k", "hmm", "oops", "sorry",
}
_QUESTION = {"what", "what's", "whats", "how", "how's", "why", "who", "when", "where", "which", "is", "are",
             "do", "does", "did", "was", "were", "has", "have", "any", "anyone"}
_NO_SPACE_BEFORE = {",", ".", "!", "?", ":", ";", ")", "]", "…"}


def _strip(words: list[Token], patterns: list[tuple[str, ...]], *, tail: bool) -> list[Token]:
    changed = True
    while changed and words:
        changed = False
        for pat in patterns:
            part = words[-len(pat):] if tail else words[:len(pat)]
            if len(part) == len(pat) and tuple(t.low for t in part) == pat:
                words = words[:-len(pat)] if tail else words[len(pat):]
                changed = True
                break
        while words and not (words[-1 if tail else 0].text.strip(_PUNCT) or words[-1 if tail else 0].quoted):
            words = words[:-1] if tail else words[1:]
            changed = True
    return words


def build_title(text: str, toks: list[Token], drop: set[int]) -> str:
    """The tokens not dropped, with their original spacing, minus leading and trailing filler."""
    kept = _strip(_strip([t for i, t in enumerate(toks) if i not in drop], _LEAD, tail=False), _TAIL,
                  tail=True)
    out: list[str] = []
    for prev, tok in zip([None, *kept], kept, strict=False):
        if prev is not None:
            gap = text[prev.end:tok.start]
            adjacent = gap.strip() == ""
            out.append(gap if adjacent else "" if tok.text in _NO_SPACE_BEFORE else " ")
        out.append(tok.text)
    return " ".join("".join(out).split())


def is_request(text: str, title: str, *, scheduled: bool, assigned: bool) -> bool:
    """False for chit-chat and questions: no words left, a stock phrase, or a question with no ask."""
    plain = " ".join(title.lower().strip(_PUNCT + "'\"").split())
    if not any(ch.isalnum() for ch in plain) or plain in _CHAT:
        return False
    first = plain.split()[0]
    return not (text.rstrip().endswith("?") and first in _QUESTION and not scheduled and not assigned)
