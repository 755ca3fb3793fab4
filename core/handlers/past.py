"""Dates in the past are never taken silently: the person is asked, with the next sensible dates as choices."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from core.due import Due
from core.handlers.context import Context
from core.i18n import _
from core.outcome import Action, Card, Reply
from core.wording import when


def is_past(due: Due | None, now: datetime) -> bool:
    """Whether the deadline has already gone (a date is past once its day is over)."""
    return due is not None and due.deadline() <= now


def past_question(ctx: Context, due: Due, command_for: Callable[[str], str], card: Card | None = None,
                  more: tuple[Action, ...] = ()) -> Reply:
    """"That is in the past: did you mean …?" with each sensible date as a choice running `command_for(date)`."""
    ahead, today = sensible_dates(due, ctx.me.tz, ctx.now)
    said = when(ahead, ctx.me.tz, ctx.now)
    actions = (
        Action("when", _("Yes, {date}", date=said), command_for(wire(ahead, ctx.me.tz)), "primary"),
        Action("when", _("Today ({date})", date=when(today, ctx.me.tz, ctx.now)), command_for(wire(today, ctx.me.tz))),
    )
    text = _("That is in the past ({date}): did you mean {ahead}?", date=when(due, ctx.me.tz, ctx.now), ahead=said)
    return Reply(text, card, actions + more)


def sensible_dates(due: Due, tz: str, now: datetime) -> tuple[Due, Due]:
    """The same wall time on the next day it is still ahead (for a time), the same day next year (for a
    date); and today."""
    today = Due.date_(now.astimezone(ZoneInfo(tz)).date(), tz)
    if due.at is not None:
        zone = ZoneInfo(due.tz)
        local = due.at.astimezone(zone).replace(tzinfo=None)
        ahead = local
        while ahead.replace(tzinfo=zone) <= now:
            ahead += timedelta(days=1)
        return Due.instant(ahead.replace(tzinfo=zone), due.tz), today
    assert due.on is not None
    return Due.date_(_next_yearly(due.on, today.local_date()), due.tz), today


def _next_yearly(day: date, today: date) -> date:
    for year in (today.year, today.year + 1):
        found = date(year, day.month, min(day.day, 28 if day.month == 2 else day.day))
        if found > today:
            return found
    return today


def wire(due: Due, tz: str) -> str:
    """The date as words the reader reads back exactly: 2027-03-20, or 2026-03-27 20:00 in `tz`."""
    if due.on is not None:
        return due.on.isoformat()
    assert due.at is not None
    return f"{due.at.astimezone(ZoneInfo(tz)):%Y-%m-%d %H:%M}"
