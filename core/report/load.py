"""An owner's load: the commitments they already have due in the week a new request falls in."""
from __future__ import annotations

from datetime import time, timedelta

from core.due import Due
from core.i18n import joined
from core.people import Person
from core.ports import UnitOfWork
from core.report.text import load_line
from core.schedule.wall import local_instant


def week_load(uow: UnitOfWork, owner: Person, due: Due) -> int:
    """Open commitments of `owner` due Monday to Sunday (their zone) of the week `due` falls in."""
    day = due.local_date(owner.tz)
    monday = day - timedelta(days=day.weekday())
    start = local_instant(monday, time(0), owner.tz)
    end = local_instant(monday + timedelta(days=7), time(0), owner.tz)
    return uow.reports.open_load(owner.workspace_id, owner, owner.id, None, start, end)


def load_note(uow: UnitOfWork, owner: Person, due: Due | None) -> str:
    """" You already have 6 commitments due that week." for a request card; empty when none or undated."""
    line = load_line(week_load(uow, owner, due)) if due is not None else None
    return joined(["", line], " ") if line else ""
