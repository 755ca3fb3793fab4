"""Tokenizer: words with their places in the text; quoted text is one literal token."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CHARS = 2000

# Single quotes quote only as a pair around words ('Next Monday Blues'); an apostrophe (don't) never does.
_TOKEN = re.compile(
    r'"[^"]*"?|“[^”]*”?|(?<!\w)\'(?=[^\s\'])[^\'\n]*[^\s\']\'(?!\w)|(?<!\w)‘[^‘’\n]+’(?!\w)'
    r'|[@#+!]?\w(?:[\w\'’./:@-]*\w)?|[@#+!]+\w*|\S')


@dataclass(frozen=True)
class Token:
    """One word or symbol; `low` is its lower-case text, `quoted` marks literal text."""

    text: str
    start: int
    end: int
    low: str = field(init=False, repr=False, compare=False)
    quoted: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:  # computed once: the grammar asks for them many times per token
        object.__setattr__(self, "low", self.text.lower())
        quoted = self.text[:1] in {'"', "“"} or (self.text[:1] in {"'", "‘"} and len(self.text) > 1)
        object.__setattr__(self, "quoted", quoted)


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; a quote left open runs to the end of the text."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
}
_ORDINAL = re.compile(r"^([0-9]{1,2})(st|nd|rd|th)$")


def weekday_of(word: str, *, abbr: bool = True) -> int | None:
    """0 for Monday … 6 for Sunday, or None."""
    word = word.removesuffix(".")
    found = WEEKDAYS.get(word)
    if found is None and abbr:
        found = WEEKDAY_ABBR.get(word)
    return found


def ordinal(word: str) -> int | None:
    """The day number of "27th", or None."""
    m = _ORDINAL.match(word)
    return int(m.group(1)) if m else None


def number(word: str) -> int | None:
    """A small count written in digits or words."""
    if is_number(word) and len(word) <= 4:
        return int(word)
    return NUMBER_WORDS.get(word)


def is_number(word: str) -> bool:
    """ASCII digits only: int() refuses some Unicode digits such as "¹"."""
    return word.isascii() and word.isdigit()
