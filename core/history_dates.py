"""Old history lines with readable dates: the dates turned into marks each reader sees in their own zone."""
from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from core.due import Due
from core.wording import logged

# verbs whose detail holds a date written by Tandem (not free text a person typed, like a comment or a title)
DATED_VERBS = frozenset({"due", "committed to", "accepted,", "agreed to", "countered with", "proposed", "asked",
                         "snoozed until"})
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
OLD_WHEN = re.compile(
    rf"\b(?P<wd>{'|'.join(DAYS)}) (?P<day>\d{{1,2}}) (?P<mon>{'|'.join(MONTHS)})"
    r"(?: (?P<year1>\d{4}))?(?: (?P<hh>\d{2}):(?P<mm>\d{2}))?(?: (?P<year2>\d{4}))?\b")


def marked_history(verb: str, detail: str, tz: str, written_at: datetime) -> str:
    """`detail` with each date its writer read in `tz` (as "Fri 6 Mar 17:00", the year only when given) replaced by
    the exact mark `logged` writes today. Dates are placed in the year, near `written_at`, whose weekday matches."""
    if verb not in DATED_VERBS or "{due:" in detail:
        return detail

    def exact(found: re.Match[str]) -> str:
        day = _day_of(found, written_at.astimezone(ZoneInfo(tz)).date())
        if day is None:
            return found[0]
        if found["hh"] is None:
            return logged(Due.date_(day, tz))
        clock = time(int(found["hh"]), int(found["mm"]))
        return logged(Due.instant(datetime.combine(day, clock, ZoneInfo(tz)).astimezone(ZoneInfo("UTC")), tz))

    return OLD_WHEN.sub(exact, detail)


def _day_of(found: re.Match[str], near: date) -> date | None:
    month, day = MONTHS.index(found["mon"]) + 1, int(found["day"])
    year = found["year1"] or found["year2"]
    years = [int(year)] if year else [near.year, near.year + 1, near.year - 1, near.year + 2]
    weekday = DAYS.index(found["wd"])
    for candidate in years:
        try:
            shown = date(candidate, month, day)
        except ValueError:
            continue
        if shown.weekday() == weekday:
            return shown
    return None
