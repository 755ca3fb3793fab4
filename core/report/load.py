"""An owner's load: the commitments they already have due in the week a new request falls in, and their estimates."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from core.due import Due
from core.i18n import joined
from core.people import Person
from core.ports import UnitOfWork
from core.report.text import load_line
from core.schedule.wall import local_instant


def _week(owner: Person, due: Due) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00 in the owner's zone, around the day `due` falls on."""
    day = due.local_date(owner.tz)
    monday = day - timedelta(days=day.weekday())
    return local_instant(monday, time(0), owner.tz), local_instant(monday + timedelta(days=7), time(0), owner.tz)


def week_load(uow: UnitOfWork, owner: Person, due: Due) -> int:
    """Open commitments of `owner` due Monday to Sunday (their zone) of the week `due` falls in."""
    start, end = _week(owner, due)
    return uow.reports.open_load(owner.workspace_id, owner, owner.id, None, start, end)


def week_effort(uow: UnitOfWork, owner: Person, due: Due) -> int:
    """Minutes estimated (`~2h`) on those commitments; work without an estimate adds nothing."""
    start, end = _week(owner, due)
    return uow.reports.open_effort(owner.workspace_id, owner, owner.id or 0, start, end)


def load_note(uow: UnitOfWork, owner: Person, due: Due | None) -> str:
    """" You already have 6 commitments due that week (~14h estimated)." for a request card; empty when none or
    undated."""
    if due is None:
        return ""
    load = week_load(uow, owner, due)
    line = load_line(load, week_effort(uow, owner, due) if load else 0)
    return joined(["", line], " ") if line else ""
