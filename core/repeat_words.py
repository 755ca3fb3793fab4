"""How a repeat reads to people: "every other Monday", "every weekday at 9:15", "every 2 months on the 5th".

One function reads the rule; every phrase it may say is in PHRASES, DAYS and NTH below (translated in the
catalogs), dates and ordinals are written for the reader's language. The rule's own text is never shown.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from core.due import Due
from core.i18n import N_, Said, _, joined

PHRASES = {
    "hourly": N_("every hour"), "hourly_n": N_("every {n} hours"),
    "daily": N_("every day"), "daily_2": N_("every other day"), "daily_n": N_("every {n} days"),
    "weekly": N_("every week"), "weekly_2": N_("every other week"), "weekly_n": N_("every {n} weeks"),
    "weekly_on": N_("every {days}"), "weekly_2_on": N_("every other {days}"),
    "weekly_n_on": N_("every {n} weeks on {days}"),
    "weekdays": N_("weekday"), "weekend": N_("Saturday and Sunday"),
    "monthly": N_("every month"), "monthly_n": N_("every {n} months"),
    "yearly": N_("every year"), "yearly_n": N_("every {n} years"),
    "on_day": N_("{repeat} on the {day}"), "on_nth_weekday": N_("{repeat} on the {nth} {day}"),
    "on_date": N_("{repeat} on {date}"), "at": N_("{repeat} at {time}"),
    "until": N_("{repeat} until {date}"), "count": N_("{repeat}, {n} times"),
    "and": N_("{first} and {last}"), "last": N_("last"), "last_day": N_("last day"),
    "unknown": N_("on a repeating schedule"),
}
DAYS = {"MO": N_("Monday"), "TU": N_("Tuesday"), "WE": N_("Wednesday"), "TH": N_("Thursday"), "FR": N_("Friday"),
        "SA": N_("Saturday"), "SU": N_("Sunday")}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
NTH = {1: N_("first"), 2: N_("second"), 3: N_("third"), 4: N_("fourth"), 5: N_("fifth")}
# A day of the year as each language writes it ("5 March", "5. März", "5 de marzo", "5 mars").
DAY_OF_YEAR = {"en": "d MMMM", "de": "d. MMMM", "es": "d 'de' MMMM", "fr": "d MMMM"}


def repeat_words(rule: str, due: Due | None = None, tz: str = "UTC") -> str:
    """The repeat rule (an RRULE body) in words, with the day and time of `due` as `tz` sees it."""
    parts = dict(p.split("=", 1) for p in rule.upper().replace("RRULE:", "").split(";") if "=" in p)
    freq, n = parts.get("FREQ", ""), _number(parts.get("INTERVAL", "1"))
    local = _local(due, tz)
    if freq == "HOURLY":
        return _say("hourly" if n == 1 else "hourly_n", n=n)
    if freq == "DAILY":
        text = _say("daily" if n == 1 else "daily_2" if n == 2 else "daily_n", n=n)
    elif freq == "WEEKLY":
        text = _weekly(parts.get("BYDAY", ""), n, local)
    elif freq == "MONTHLY":
        text = _monthly(parts, n, local)
    elif freq == "YEARLY":
        text = _say("yearly" if n == 1 else "yearly_n", n=n)
        if local is not None:
            text = _say("on_date", repeat=text, date=_day_of_year(local.date()))
    else:
        return _(PHRASES["unknown"])
    if due is not None and due.at is not None and local is not None:
        text = _say("at", repeat=text, time=f"{local.hour}:{local.minute:02d}")
    return _limits(text, parts)


def _weekly(byday: str, n: int, local: datetime | None) -> str:
    codes = [d[-2:] for d in byday.split(",") if d[-2:] in DAYS]
    if not codes and local is not None:
        codes = [tuple(DAYS)[local.weekday()]]
    if not codes:
        return _say("weekly" if n == 1 else "weekly_2" if n == 2 else "weekly_n", n=n)
    if codes == list(WEEKDAYS):
        days = _(PHRASES["weekdays"])
    elif codes == ["SA", "SU"]:
        days = _(PHRASES["weekend"])
    else:
        days = _listed([_(DAYS[c]) for c in codes])
    return _say("weekly_on" if n == 1 else "weekly_2_on" if n == 2 else "weekly_n_on", n=n, days=days)


def _monthly(parts: dict[str, str], n: int, local: datetime | None) -> str:
    text = _say("monthly" if n == 1 else "monthly_n", n=n)
    byday = parts.get("BYDAY", "")
    if byday and byday[-2:] in DAYS:
        position = _number(byday[:-2] or parts.get("BYSETPOS", "1"), default=1)
        nth = _(PHRASES["last"]) if position < 0 else _(NTH[position]) if position in NTH else ordinal(position)
        return _say("on_nth_weekday", repeat=text, nth=nth, day=_(DAYS[byday[-2:]]))
    day = _number(parts.get("BYMONTHDAY", ""), default=local.day if local is not None else 0)
    if day < 0:
        return _say("on_day", repeat=text, day=_(PHRASES["last_day"]))
    return _say("on_day", repeat=text, day=ordinal(day)) if day else text


def _limits(text: str, parts: dict[str, str]) -> str:
    until = parts.get("UNTIL", "")
    if len(until) >= 8 and until[:8].isdigit():
        last = date(int(until[:4]), int(until[4:6]), int(until[6:8]))
        return _say("until", repeat=text, date=_day_of_year(last, with_year=True))
    if parts.get("COUNT", "").isdigit():
        return _say("count", repeat=text, n=int(parts["COUNT"]))
    return text


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st … in English; 5. in German, 5 in Spanish, 1er and 5 in French."""
    return Said(lambda lang: _ordinal(number, lang))


def _ordinal(number: int, lang: str) -> str:
    if lang == "de":
        return f"{number}."
    if lang == "fr":
        return "1er" if number == 1 else str(number)
    if lang == "es":
        return str(number)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _day_of_year(day: date, with_year: bool = False) -> str:
    return Said(lambda lang: format_date(day, DAY_OF_YEAR.get(lang, DAY_OF_YEAR["en"]) + (" y" if with_year else ""),
                                         locale=lang))


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _say("and", first=joined(items[:-1], ", "), last=items[-1])


def _local(due: Due | None, tz: str) -> datetime | None:
    if due is None:
        return None
    if due.at is not None:
        return due.at.astimezone(ZoneInfo(tz))
    assert due.on is not None
    return datetime(due.on.year, due.on.month, due.on.day, tzinfo=ZoneInfo(due.tz))


def _number(text: str, default: int = 1) -> int:
    try:
        return int(text)
    except ValueError:
        return default


def _say(key: str, **values: object) -> str:
    return _(PHRASES[key], **values)
