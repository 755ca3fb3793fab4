"""The reader's dates checked at the core's door: a sane range, no negative durations, repeats that come round."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from babel.dates import get_month_names
from dateutil.rrule import rrule, rrulestr

from core.due import Due
from core.errors import InvalidInput
from core.i18n import N_, Said, _
from core.language import Reading, Workday, parse_request, parse_when
from core.repeat_words import ordinal
from core.validation import limits
from core.validation.text import shorten

YEARS_BACK = 10
YEARS_AHEAD = 100
REPEAT_HORIZON_YEARS = 30  # long enough for 29 February on a given weekday
_UNITS = (r"m|mins?|minutes?|minuten?|minutos?|h|hrs?|hours?|stunden?|horas?|heures?|d|days?|tage?n?|d[ií]as?"
          r"|jours?|w|wks?|weeks?|wochen?|semanas?|semaines?|months?|monate?n?|mes(?:es)?|mois|y|yrs?|years?"
          r"|jahre?n?|años?|ans?|années?")
NEGATIVE_DURATION = re.compile(rf"(?<![\w-])[-−]\s*\d+(?:[.,]\d+)?\s*(?:{_UNITS})\b", re.IGNORECASE)
_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def refuse_negative_duration(text: str) -> None:
    """Durations count forward: "-5h" or "in -3 days" is refused rather than read as 5 hours or 3 days ahead."""
    found = NEGATIVE_DURATION.search(text)
    if found:
        raise InvalidInput(_("A duration can't be negative ('{text}'). Say how far ahead, e.g. 'in 3 days' or '5h', "
                             "or give the date itself, e.g. 'friday' or '2026-04-10'.",
                             text=shorten(found.group(0).strip())))


def check_due(due: Due, now: datetime) -> Due:
    """`due` when its day lies in the range Tandem keeps; otherwise a refusal naming the range."""
    first, last = now.year - YEARS_BACK, now.year + YEARS_AHEAD
    day = due.on if due.on is not None else _day_of(due)
    if day is None or not first <= day.year <= last:
        shown = day.isoformat() if day is not None else _("that date")
        raise InvalidInput(_("I keep dates between {first} and {last}; {shown} is outside that. "
                             "Give a date like 'next friday', '2026-04-10' or 'in 2 weeks'.", first=first, last=last,
                             shown=shown))
    return due


def _day_of(due: Due) -> date | None:
    try:
        return due.local_date()
    except OverflowError:
        return None


def read_when(text: str, *, now: datetime, tz: str, lang: str = "en", workday: Workday | None = None) -> Due:
    """The reader's date for `text`, checked: in range, and never from a negative duration."""
    refuse_negative_duration(text)
    try:
        due = parse_when(text, now=now, tz=tz, lang=lang, workday=workday)
    except (OverflowError, ValueError):
        raise InvalidInput(_("I couldn't read '{text}' as a date. Try 'friday', 'tomorrow 3pm', '2026-04-10' or "
                             "'in 2 days'.", text=shorten(text))) from None
    return check_due(due, now)


def read_request(text: str, *, now: datetime, tz: str, lang: str = "en", workday: Workday | None = None) -> Reading:
    """The reader's reading of a request, checked: its date, its repeat and the #project it names."""
    try:
        reading = parse_request(text, now=now, tz=tz, lang=lang, workday=workday)
    except (OverflowError, ValueError):
        raise InvalidInput(_("I couldn't read that request. Try: /task add @alice send the Q3 report by friday")) \
            from None

    if reading.due is not None:
        check_due(reading.due, now)
    if reading.recurrence:
        check_repeat(reading.recurrence, now)
    if reading.project:
        limits.within(reading.project, limits.PROJECT_NAME, N_("project name"),
                      N_("Use one short word, e.g. #launch-2027."))


    return reading


def check_repeat(rule: str, now: datetime) -> str:
    """`rule` when it comes round at least once in the coming years; otherwise a refusal with the reason."""
    start = now.replace(tzinfo=None, microsecond=0)
    try:
        parsed = rrulestr(rule.removeprefix("RRULE:"), dtstart=start)
    except (ValueError, TypeError):
        raise InvalidInput(_("I couldn't read that repeat. Try: every monday, every 2 weeks, every month on the "
                             "1st.")) from None
    assert isinstance(parsed, rrule)
    impossible = _impossible_day(rule)
    bounded = any(word in rule.upper() for word in ("UNTIL=", "COUNT="))
    horizon = parsed if bounded else parsed.replace(until=start + timedelta(days=366 * REPEAT_HORIZON_YEARS))
    if impossible or horizon.after(start) is None:
        reason = impossible or _("no date in the next {n} years matches it", n=REPEAT_HORIZON_YEARS)
        raise InvalidInput(_("That repeat would never happen: {reason}. Try e.g. every month on the 28th, or every "
                             "year on 1 march.", reason=reason))

    return rule


def _impossible_day(rule: str) -> str:
    """"February has no 31st" when every month the rule names is shorter than every day it names."""
    parts = dict(part.split("=", 1) for part in rule.removeprefix("RRULE:").split(";") if "=" in part)
    try:
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    except (KeyError, ValueError):
        return ""
    if all(day > _MONTH_DAYS.get(month, 31) for month in months for day in days):
        month = months[0]
        return _("{month} has no {day} day", month=Said(lambda lang: get_month_names("wide", "stand-alone",
                                                                                      lang)[month]),
                 day=ordinal(min(days)))
    return ""

