"""Deadlines in other languages, read by dateparser with the person's language fixed (lazily imported)."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from core.due import Due
from core.language.days import place
from core.language.piece import Ctx
from core.language.tokens import Token

_LEAD_WORDS = {
    "de": {"bis", "am", "um", "ab", "vor", "zum", "spätestens", "fällig"},
    "es": {"para", "el", "antes", "hasta", "del", "a", "las"},
    "fr": {"avant", "le", "pour", "à", "d'ici", "jusqu'à", "au", "pour le"},
}


# dateparser drops the hour in "a las 10" and "um 9 Uhr"; written as 10:00 it keeps it.
_HOURS = {
    "es": re.compile(r"\ba las (\d{1,2})(?:[:.](\d{2}))?\b", re.IGNORECASE),
    "de": re.compile(r"\bum (\d{1,2})(?:[:.](\d{2}))?(?: ?uhr)?\b", re.IGNORECASE),
    "fr": re.compile(r"\bà (\d{1,2})\s?h(?:(\d{2}))?\b", re.IGNORECASE),
}


# dateparser reports period "day" when the time read equals RELATIVE_BASE's time.
_HAS_CLOCK = re.compile(r"\d{1,2}(?::\d{2}|\s?h\b|\s?uhr\b|\s?[ap]\.?m\b)", re.IGNORECASE)


def _clock_words(phrase: str, code: str) -> str:
    pattern = _HOURS.get(code)
    return pattern.sub(lambda m: f"{int(m.group(1)):02d}:{m.group(2) or '00'}", phrase) if pattern else phrase


def _settings(ctx: Ctx, *, period: bool) -> dict[str, Any]:
    return {"RELATIVE_BASE": ctx.local, "PREFER_DATES_FROM": "future", "RETURN_AS_TIMEZONE_AWARE": False,
            "RETURN_TIME_AS_PERIOD": period}


def _language(lang: str) -> str:
    return lang.lower().split("-")[0].split("_")[0] or "en"


def foreign_when(phrase: str, ctx: Ctx, lang: str) -> Due | None:
    """One phrase as a date (no time given) or an instant placed in the person's zone."""
    from dateparser.date import DateDataParser

    phrase = _clock_words(phrase, _language(lang))
    try:
        data = DateDataParser(languages=[_language(lang)], settings=_settings(ctx, period=True)) \
            .get_date_data(phrase)
    except (ValueError, OverflowError, KeyError):
        return None
    when = data.date_obj
    if not isinstance(when, datetime):
        return None
    if data.period == "time" or _HAS_CLOCK.search(phrase):
        return Due(ctx.tz, at=place(when.date(), when.time(), ctx.tz))
    return Due(ctx.tz, on=when.date())


def foreign_due(
    text: str, toks: list[Token], drop: set[int], ctx: Ctx, lang: str
) -> tuple[Due, set[int]] | None:
    """The first deadline dateparser finds outside quotes and marks, and the tokens it covers."""
    from dateparser.search import search_dates

    masked = list(text)
    for i, tok in enumerate(toks):
        if tok.quoted or i in drop:
            masked[tok.start:tok.end] = " " * (tok.end - tok.start)
    plain = "".join(masked)
    code = _language(lang)
    try:
        hits = search_dates(plain, languages=[code], settings=_settings(ctx, period=False)) or []
    except (ValueError, OverflowError, KeyError):
        return None
    spans = [(at, at + len(phrase)) for phrase, _ in hits if len(phrase.strip()) >= 3
             and (at := plain.find(phrase)) >= 0]
    if not spans:
        return None
    lo, hi = spans[0]
    for a, b in spans[1:]:  # "mañana" + "a las 10" are found apart but mean one deadline
        if set(plain[hi:a].lower().split()) <= _LEAD_WORDS.get(code, set()):
            hi = b
    due = foreign_when(plain[lo:hi], ctx, lang) or foreign_when(plain[spans[0][0]:spans[0][1]], ctx, lang)
    if due is None:
        return None
    gone = {i for i, t in enumerate(toks) if t.start < hi and t.end > lo}
    first = min(gone, default=0)
    while first > 0 and toks[first - 1].low in _LEAD_WORDS.get(code, set()):
        first -= 1
        gone.add(first)
    return due, gone
