"""A whole deadline phrase in another language that the gloss cannot read, by dateparser (lazily imported)."""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from core.due import Due
from core.language.days import place
from core.language.piece import Ctx

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
