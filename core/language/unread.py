"""Words that look like a date but cannot be read as one: "April 31", "by 3/4", "the 32nd"."""
from __future__ import annotations

import re

from core.language.days import last_of_month
from core.language.tokens import MONTHS, Token, is_number, ordinal

_SLASH = re.compile(r"^[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?$")
_TRIGGERS = {"by", "on", "due", "until", "till", "before", "bis", "am", "para", "el", "le", "avant", "pour"}


def _day(tok: Token | None) -> int | None:
    if tok is None or tok.quoted:
        return None
    low = tok.low
    return ordinal(low) or (int(low) if is_number(low) and len(low) <= 2 else None)


def _month(tok: Token | None) -> int | None:
    return None if tok is None or tok.quoted else MONTHS.get(tok.low.removesuffix("."))


def _impossible(month: int, day: int) -> bool:
    return day < 1 or day > (29 if month == 2 else last_of_month(2026, month).day)


def unread_dates(toks: list[Token], drop: set[int]) -> tuple[str, ...]:
    """The date-like phrases left in the title that name no real day, in order."""
    found: list[str] = []

    def at(i: int) -> Token | None:
        return toks[i] if 0 <= i < len(toks) and i not in drop else None

    for i, tok in enumerate(toks):
        if i in drop or tok.quoted:
            continue
        month = _month(tok)
        if month is not None:
            after = _day(at(i + 1))
            of = i - 2 if at(i - 1) is not None and toks[i - 1].low == "of" else i - 1
            before = _day(at(of))
            if after is not None and _impossible(month, after):
                found.append(f"{tok.text} {toks[i + 1].text}")
            elif before is not None and _impossible(month, before):
                found.append(" ".join(t.text for t in toks[of:i + 1]))
            continue
        previous = at(i - 2) if at(i - 1) is not None and toks[i - 1].low == "the" else at(i - 1)
        triggered = previous is not None and previous.low in _TRIGGERS
        slash = _SLASH.match(tok.low) and (triggered or i == len(toks) - 1)
        if slash or (triggered and (ordinal(tok.low) or 0) > 31):
            found.append(tok.text)
    return tuple(found)
