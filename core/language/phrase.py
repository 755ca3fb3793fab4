"""Finding deadline and schedule phrases in a token list, and deciding which ones to read."""
from __future__ import annotations

from dataclasses import dataclass

from core.language.dates import day_at
from core.language.parts import part_at
from core.language.piece import Ctx, Match, Piece, word
from core.language.recur import rule_at
from core.language.times import clock_at, duration_at
from core.language.tokens import Token

TRIGGERS = {"by", "on", "at", "before", "until", "till", "til", "due"}
_CONNECTORS = {"at", "on", ",", "by", "@"}
# Words after which a phrase still reads as a deadline ("on Friday to Bob"), unlike "the Monday meeting".
_BREAKS = {
    "to", "about", "for", "with", "and", "or", "but", "so", "then", "please", "pls", "if", "because",
    "from", "regarding", "re", "via", "after", "before", "by", "on", "at", "in", "when", "as", "latest",
    "thanks", "thx", "asap", "urgent", "every", "each", "starting", "check", "tomorrow", "today",
}
IGNORABLE_WORDS = {
    "please", "pls", "plz", "thanks", "thx", "thank", "you", "asap", "latest", "urgent", "urgently",
}


@dataclass(frozen=True)
class Found:
    """A phrase between tokens `start` and `end` (exclusive); `read` if it counts as a deadline."""

    start: int
    end: int
    piece: Piece
    triggered: bool


def chain_at(toks: list[Token], i: int, ctx: Ctx, *, bare: bool = False) -> Match | None:
    """A run of day, time and duration parts ("next Thursday at 3pm", "at 3pm on Friday")."""
    after_at = word(toks, i - 1) == "at"
    first = (rule_at(toks, i, ctx) or duration_at(toks, i, ctx, bare=bare) or part_at(toks, i, ctx)
             or day_at(toks, i, ctx) or clock_at(toks, i, after_at=after_at, after_day=False))
    if first is None:
        return None
    j, piece = first
    while True:
        k = j + 1 if word(toks, j) in _CONNECTORS else j
        part = part_at(toks, k, ctx) or day_at(toks, k, ctx) or clock_at(
            toks, k, after_at=word(toks, k - 1) == "at", after_day=piece.day is not None)
        if part is None or not piece.merge(part[1]):
            return j, piece
        j = part[0]


def is_mark(tok: Token) -> bool:
    """Mentions, #project, +label, !priority and p1–p4 never belong to a phrase or a title."""
    low = tok.low
    return (low[:1] in {"@", "#", "+", "!"} and len(low) > 1) or (len(low) == 2 and low[0] == "p"
                                                                   and low[1] in "1234")


def ignorable(tok: Token) -> bool:
    return is_mark(tok) or tok.low in IGNORABLE_WORDS or (len(tok.text) == 1 and not tok.text.isalnum())


def _breaks_after(toks: list[Token], j: int) -> bool:
    return j >= len(toks) or ignorable(toks[j]) or toks[j].low in _BREAKS or toks[j].quoted


def scan(toks: list[Token], ctx: Ctx, *, verb_last: bool = False) -> list[Found]:
    """Every phrase that reads as a deadline or schedule, left to right.

    With `verb_last` (German, Spanish, French) a phrase after a trigger word, and a schedule, count
    wherever they are: "Rechnung am 3. November bezahlen".
    """
    found: list[Found] = []
    i = 0
    while i < len(toks):
        j = i + 1 if word(toks, i) == "due" else i
        j = j + 1 if word(toks, j) in TRIGGERS - {"due"} else j
        match = chain_at(toks, j, ctx) if word(toks, i) else None
        if match is None and j > i:
            match, j = chain_at(toks, i, ctx), i
        if match is None:
            i += 1
            continue
        found.append(Found(i, match[0], match[1], triggered=j > i))
        i = match[0]
    return _keep(found, toks, verb_last)


def _keep(found: list[Found], toks: list[Token], verb_last: bool) -> list[Found]:
    kept: list[Found] = []
    edge, first = len(toks), 0
    while first < len(toks) and ignorable(toks[first]):
        first += 1
    for f in reversed(found):
        while edge > 0 and ignorable(toks[edge - 1]):
            edge -= 1
        at_end = f.end >= edge
        opening = f.start <= first and (f.triggered or word(toks, f.end) in {",", ":"})
        if f.piece.strong or opening or (verb_last and (f.triggered or f.piece.rule)) or (
                (f.triggered or (at_end and not f.piece.weak)) and _breaks_after(toks, f.end)):
            kept.append(f)
            if at_end:
                edge = f.start
    return kept[::-1]
