"""German, Spanish and French date words glossed into the English the grammar reads.

Each glossed token keeps the span of the words it stands for, so the title is cut from the original
text; English words pass through, so "by Friday" still works for someone whose language is German.
"""
from __future__ import annotations

import re
import unicodedata

from core.language.gloss_words import FILLERS, PHRASES, POSTFIX_NEXT
from core.language.tokens import Token

_FR_CLOCK = re.compile(r"^([0-9]{1,2})h([0-9]{2})$")
_FIRST = re.compile(r"^([0-9]{1,2})(?:er|re|º|°)$")
_NEXT_AFTER = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
               "year", "weekend"}
_LONGEST = 5
_DAY_FIRST = re.compile(r"^([0-9]{1,2})[./]([0-9]{1,2})(?:[./]([0-9]{4}))?$")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def plain(text: str) -> str:
    """Lower case without accents: the key the word tables use."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _one(low: str) -> list[str] | None:
    if m := _FR_CLOCK.match(low):
        return [f"{m.group(1)}:{m.group(2)}"]
    if m := _FIRST.match(low):
        return [f"{m.group(1)}th" if m.group(1) != "1" else "1st"]
    if (m := _DAY_FIRST.match(low)) and 1 <= int(m.group(2)) <= 12:  # 15.11. / 15/11/2026: day first
        return [f"{int(m.group(1))}th", _MONTHS[int(m.group(2)) - 1], *(m.group(3) or "").split()]
    return None


def gloss(toks: list[Token], lang: str) -> tuple[list[Token], list[set[int]], set[int]]:
    """English stand-in tokens, the original indices each covers, and the filler indices to drop."""
    table, fillers = PHRASES.get(lang, {}), FILLERS.get(lang, set())
    out: list[Token] = []
    covers: list[set[int]] = []
    drop: set[int] = set()
    keys = [plain(t.text) for t in toks]
    i = 0
    while i < len(toks):
        if toks[i].quoted:
            out.append(toks[i])
            covers.append({i})
            i += 1
            continue
        words, size, key = _match(toks, keys, i, table, fillers)
        if words is None and lang == "de" and _dotted(toks, i):
            words, size = [f"{int(toks[i].text)}th"], 2  # "am 3. November": the 3rd
        elif words is None and lang == "de" and _DAY_FIRST.match(toks[i].low) and _dotted_end(toks, i):
            size = 2  # "bis 15.11.": the trailing dot belongs to the date
        if words is None:
            words = _one(keys[i]) or [toks[i].text]
        if words == []:
            drop.update(range(i, i + size))
        postfix = " ".join(key) in POSTFIX_NEXT.get(lang, set()) and bool(out) and out[-1].text in _NEXT_AFTER
        _attach(out, covers, words, (toks[i].start, toks[i + size - 1].end), set(range(i, i + size)), postfix)
        i += size
    return out, covers, drop


def _dotted_end(toks: list[Token], i: int) -> bool:
    """A full stop right after token `i`, as German writes dates ("3.", "15.11.")."""
    return i + 1 < len(toks) and toks[i + 1].text == "." and toks[i + 1].start == toks[i].end


def _dotted(toks: list[Token], i: int) -> bool:
    low = toks[i].low
    return low.isascii() and low.isdigit() and 1 <= int(low) <= 31 and _dotted_end(toks, i)


def _match(toks: list[Token], keys: list[str], i: int, table: dict[tuple[str, ...], tuple[str, ...]],
           fillers: set[tuple[str, ...]]) -> tuple[list[str] | None, int, tuple[str, ...]]:
    """The longest phrase of the table (or filler) at `i`, its size and its key."""
    for size in range(min(_LONGEST, len(toks) - i), 0, -1):
        key = tuple(keys[i:i + size])
        if any(t.quoted for t in toks[i:i + size]):
            continue
        if key in fillers:
            return [], size, key
        if key in table and not (key == ("am",) and i > 0 and toks[i - 1].text[-1:].isdigit()):
            return list(table[key]), size, key
    return None, 1, ()


def _attach(out: list[Token], covers: list[set[int]], words: list[str], span: tuple[int, int],
            covered: set[int], postfix: bool) -> None:
    """Add the words; "mardi prochain" / "martes que viene" become "next tuesday" over both words."""
    if postfix and out:
        prev = out.pop()
        words, span, covered = [*words, prev.text], (prev.start, span[1]), covered | covers.pop()
    for w in words:
        out.append(Token(w, *span))
        covers.append(covered)
