"""Dates and times as the reader's language writes them ("Fri 30 Oct", "Fr., 30. Okt.", "ven. 30 oct."), with Babel."""
from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import DateTimePattern, parse_pattern

from core.i18n import SOURCE, Said

# Short day, day of month, short month; the year only when it is not this year; 24-hour time.
DAY = {"en": "EEE d MMM", "de": "EEE, d. MMM", "es": "EEE d MMM", "fr": "EEE d MMM"}
TIME = " HH:mm"
MONTH_DAY = {"en": "d MMM", "de": "d. MMM", "es": "d MMM", "fr": "d MMM"}


def _pattern(lang: str, with_year: bool, with_time: bool) -> str:
    lang = lang if lang in DAY else SOURCE
    return DAY[lang] + (" y" if with_year else "") + (TIME if with_time else "")


def day_text(day: date, with_year: bool = False) -> str:
    """A calendar date in the reader's language: "Fri 30 Oct" (with the year: "Fri 30 Oct 2027")."""
    return Said(lambda lang: _formatted(day, _pattern(lang, with_year, False), lang))


def instant_text(instant: datetime, tz: str, with_year: bool = False) -> str:
    """An instant as `tz` sees it, in the reader's language: "Fri 30 Oct 15:00"."""
    local = instant.astimezone(ZoneInfo(tz))
    return Said(lambda lang: _formatted(local, _pattern(lang, with_year, True), lang))


def month_day_text(day: date) -> str:
    """Day and month only, in the reader's language: "30 Jun", "30. Juni", "30 jun", "30 juin"."""
    return Said(lambda lang: _formatted(day, MONTH_DAY.get(lang, MONTH_DAY[SOURCE]), lang))


def time_text(instant: datetime, tz: str) -> str:
    """Only the local time of day: "15:00"."""
    local = instant.astimezone(ZoneInfo(tz))
    return Said(lambda lang: _formatted(local, "HH:mm", lang))


def _formatted(value: date | datetime, pattern: str, lang: str) -> str:
    """Babel's formatting with the locale and the pattern read once (format_date reads both on every call)."""
    return str(_compiled(pattern).apply(value, _locale(lang)))


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _compiled(pattern: str) -> DateTimePattern:
    return parse_pattern(pattern)
