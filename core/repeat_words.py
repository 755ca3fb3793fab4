"""How a repeat reads to people: "every other Monday", "every weekday at 9:15", "every 2 months on the 5th".

One function reads the rule; every phrase it may say is in PHRASES, DAYS, MONTHS and NTH below, so a translation
replaces those tables (and `ordinal`) and nothing else. The rule's own text is never shown.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.due import Due

PHRASES = {
    "hourly": "every hour", "hourly_n": "every {n} hours",
    "daily": "every day", "daily_2": "every other day", "daily_n": "every {n} days",
    "weekly": "every week", "weekly_2": "every other week", "weekly_n": "every {n} weeks",
    "weekly_on": "every {days}", "weekly_2_on": "every other {days}", "weekly_n_on": "every {n} weeks on {days}",
    "weekdays": "weekday", "weekend": "Saturday and Sunday",
    "monthly": "every month", "monthly_n": "every {n} months",
    "yearly": "every year", "yearly_n": "every {n} years",
    "on_day": "{repeat} on the {day}", "on_nth_weekday": "{repeat} on the {nth} {day}",
    "on_date": "{repeat} on {date}", "at": "{repeat} at {time}",
    "until": "{repeat} until {date}", "count": "{repeat}, {n} times",
    "and": "{first} and {last}", "last": "last", "unknown": "on a repeating schedule",
}
DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday",
        "SU": "Sunday"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")
NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


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
            text = _say("on_date", repeat=text, date=f"{local.day} {MONTHS[local.month - 1]}")
    else:
        return PHRASES["unknown"]
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
        days = PHRASES["weekdays"]
    elif codes == ["SA", "SU"]:
        days = PHRASES["weekend"]
    else:
        days = _listed([DAYS[c] for c in codes])
    return _say("weekly_on" if n == 1 else "weekly_2_on" if n == 2 else "weekly_n_on", n=n, days=days)


def _monthly(parts: dict[str, str], n: int, local: datetime | None) -> str:
    text = _say("monthly" if n == 1 else "monthly_n", n=n)
    byday = parts.get("BYDAY", "")
    if byday and byday[-2:] in DAYS:
        position = _number(byday[:-2] or parts.get("BYSETPOS", "1"), default=1)
        nth = PHRASES["last"] if position < 0 else NTH.get(position, ordinal(position))
        return _say("on_nth_weekday", repeat=text, nth=nth, day=DAYS[byday[-2:]])
    day = _number(parts.get("BYMONTHDAY", ""), default=local.day if local is not None else 0)
    if day < 0:
        return _say("on_day", repeat=text, day=PHRASES["last"] + " day")
    return _say("on_day", repeat=text, day=ordinal(day)) if day else text


def _limits(text: str, parts: dict[str, str]) -> str:
    until = parts.get("UNTIL", "")
    if len(until) >= 8 and until[:8].isdigit():
        month = MONTHS[int(until[4:6]) - 1]
        return _say("until", repeat=text, date=f"{int(until[6:8])} {month} {until[:4]}")
    if parts.get("COUNT", "").isdigit():
        return _say("count", repeat=text, n=int(parts["COUNT"]))
    return text


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st … (English)."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return _say("and", first=", ".join(items[:-1]), last=items[-1])


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
    return PHRASES[key].format(**values)
