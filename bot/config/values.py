"""Parsers for single setting values; each returns the typed value or raises Invalid with an example."""
from __future__ import annotations

import re
from datetime import time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config.model import DAY_NAMES, WorkingHours
from bot.config.problems import Invalid

LANGUAGES = ("en", "de", "es", "fr")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
LOG_FORMATS = ("text", "json")
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def parse_bool(value: object) -> bool:
    """true/false (also yes/no, on/off, 1/0, as environment variables often say)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise Invalid(f"{value!r} is not true or false", "true")


def parse_int(value: object, low: int, high: int, example: str) -> int:
    """A whole number between low and high (a quoted number from ${VAR} is fine)."""
    text = str(value).strip()
    if isinstance(value, bool) or not re.fullmatch(r"[+-]?\d+", text):
        raise Invalid(f"{value!r} is not a whole number", example)
    number = int(text)
    if not low <= number <= high:
        raise Invalid(f"{number} is outside {low}..{high}", example)
    return number


def parse_number(value: object, low: float, high: float, example: str) -> float:
    """A number (whole or decimal) greater than low and at most high."""
    try:
        number = float(str(value).strip()) if not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None:
        raise Invalid(f"{value!r} is not a number", example)
    if not low < number <= high:
        raise Invalid(f"{value!r} must be more than {low:g} and at most {high:g}", example)
    return number


def parse_text(value: object, example: str) -> str:
    """A non-empty string; whole numbers are accepted, decimals must be quoted so YAML keeps every digit."""
    if isinstance(value, bool | float | list | dict):
        raise Invalid(f"{value!r} is not text (put it in quotes)", example)
    text = str(value).strip()
    if not text:
        raise Invalid("is empty", example)
    return text


def parse_choice(value: object, choices: tuple[str, ...], example: str) -> str:
    """One of a few words, matched without regard to case; returned as spelled in `choices`."""
    text = str(value).strip().lower()
    for choice in choices:
        if choice.lower() == text:
            return choice
    raise Invalid(f"{value!r} is not one of {', '.join(choices)}", example)


def parse_zone(value: object) -> str:
    """An IANA time zone name such as Europe/Berlin."""
    text = str(value).strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise Invalid(f"{value!r} is not a time zone", "Europe/Berlin") from None
    return text


def parse_day(value: object) -> int:
    """A weekday name (mon, Monday, …) as 0=Monday … 6=Sunday."""
    text = str(value).strip().lower()[:3]
    if len(str(value).strip()) < 3 or text not in DAY_NAMES:
        raise Invalid(f"{value!r} is not a weekday", "mon")
    return DAY_NAMES.index(text)


def parse_days(value: object) -> frozenset[int]:
    """Working days: a range like mon-fri (sun-thu wraps), a list [mon, tue], or mon,wed,fri."""
    example = "mon-fri, or [mon, tue, wed, thu]"
    parts = value if isinstance(value, list) else str(value).split(",")
    days: set[int] = set()
    try:
        for part in parts:
            days |= _day_range(str(part))
    except Invalid:
        raise Invalid(f"{value!r} is not a list of weekdays", example) from None
    if not days:
        raise Invalid("names no working day", example)
    return frozenset(days)


def _day_range(text: str) -> set[int]:
    first, _, last = text.partition("-")
    start = parse_day(first)
    end = parse_day(last) if last else start
    return {(start + step) % 7 for step in range((end - start) % 7 + 1)}


def parse_clock(value: object, example: str = "09:00") -> time:
    """A time of day in 24-hour form, HH:MM."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(value).strip())
    if match is None:
        raise Invalid(f"{value!r} is not a time of day (24-hour HH:MM, in quotes)", f"'{example}'")
    return time(int(match[1]), int(match[2]))


def parse_hours(value: object) -> WorkingHours:
    """The working day as start-end, e.g. 09:00-17:30; start comes before end."""
    example = "'09:00-17:30'"
    start_text, dash, end_text = str(value).replace("–", "-").partition("-")
    if not dash:
        raise Invalid(f"{value!r} is not a start-end range", example)
    hours = WorkingHours(parse_clock(start_text, "09:00"), parse_clock(end_text, "17:30"))
    if hours.start >= hours.end:
        raise Invalid(f"{value!r} ends before it starts", example)
    return hours


def parse_duration(value: object) -> timedelta:
    """A duration such as 30m, 1h, 2h30m or 1d (units d, h, m, s)."""
    text = str(value).strip().lower().replace(" ", "")
    match = re.fullmatch(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not text or match is None:
        raise Invalid(f"{value!r} is not a duration", "1h, 30m or 2h30m")
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def parse_country(value: object) -> str:
    """An ISO 3166 country code, optionally with a subdivision: DE, US, DE-BY."""
    text = str(value).strip().upper()
    country, _, region = text.partition("-")
    if not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", text):
        raise Invalid(f"{value!r} is not a country code (in quotes: NO means false to YAML 1.1)", "'DE' or 'DE-BY'")
    known = _holiday_countries()
    if known is not None and country not in known:
        raise Invalid(f"{value!r} is not a country with a holiday calendar", "'DE' or 'US'")
    if known is not None and region and region not in known[country]:
        regions = ", ".join(known[country][:6]) or "none"
        raise Invalid(f"{value!r}: {country} has no region {region} (known: {regions})", f"'{country}'")
    return text


def _holiday_countries() -> dict[str, list[str]] | None:
    try:
        import holidays
    except ImportError:
        return None
    supported: dict[str, list[str]] = holidays.list_supported_countries()
    return supported
