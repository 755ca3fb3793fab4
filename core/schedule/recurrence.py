"""Recurring tasks: the next due date, the next owner in a rotation, and when to make the next instance."""
from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from core.due import Due
from core.people import Person
from core.schedule.wall import local_instant
from core.tasks import RepeatMode, Task


def next_due(task: Task, after: date) -> Due | None:
    """The first occurrence of task.recurrence on a day strictly after `after`, as the same kind of Due.

    The rule runs on naive local wall time from the current due, so "every Monday 09:00" stays 09:00
    in task.due.tz across DST changes.
    """
    due = task.due
    if not task.recurrence or due is None:
        return None
    if due.at is not None and sub_daily(task.recurrence):
        return _next_instant(task.recurrence, due, after)
    if due.at is not None:
        start = due.at.astimezone(ZoneInfo(due.tz)).replace(tzinfo=None)
    else:
        assert due.on is not None
        start = datetime.combine(due.on, time(0))
    rule = _rule(task.recurrence, start)
    found = rule.after(datetime.combine(after, time.max))
    if found is None:
        return None
    if due.at is None:
        return Due.date_(found.date(), due.tz)
    return Due.instant(local_instant(found.date(), found.time(), due.tz), due.tz)


def sub_daily(body: str) -> bool:
    """Whether the rule repeats within a day ("every 8 hours"): it then needs a due instant, not a day."""
    return any(f"FREQ={freq}" in body.upper() for freq in ("HOURLY", "MINUTELY", "SECONDLY"))


def _next_instant(body: str, due: Due, after: date) -> Due | None:
    """Hourly rules count real hours, in UTC: "every 8 hours" is 8 hours apart across a DST change.

    The next occurrence is after the current due and not on a day before `after`'s end is reached late.
    """
    assert due.at is not None
    start = due.at.astimezone(UTC).replace(tzinfo=None)
    parts = [_utc_until(part, due.tz) for part in body.strip().removeprefix("RRULE:").split(";")]
    rule = rrulestr(";".join(parts), dtstart=start)
    assert isinstance(rule, rrule)
    late = local_instant(after, time(0), due.tz).astimezone(UTC).replace(tzinfo=None)
    found = rule.after(max(start, late))
    return Due.instant(found.replace(tzinfo=UTC), due.tz) if found else None


def _utc_until(part: str, tz: str) -> str:
    """UNTIL is stored as the person's wall time; an hourly rule runs in UTC."""
    if not part.upper().startswith("UNTIL="):
        return part
    text = part[6:].removesuffix("Z")
    day = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    clock = time(int(text[9:11]), int(text[11:13]), int(text[13:15])) if len(text) >= 15 else time.max
    until = local_instant(day, clock, tz)
    return f"UNTIL={until:%Y%m%dT%H%M%S}"


def _rule(body: str, start: datetime) -> rrule:
    """Parse an RRULE body ("FREQ=WEEKLY;BYDAY=MO", optionally "RRULE:"-prefixed) from a naive start."""
    text = body.strip().removeprefix("RRULE:")
    # A UTC UNTIL cannot be combined with a naive start in dateutil; the day is what matters here.
    parts = [_naive_until(part) for part in text.split(";")]
    parsed = rrulestr(";".join(parts), dtstart=start)
    assert isinstance(parsed, rrule)
    return parsed


def _naive_until(part: str) -> str:
    return part.removesuffix("Z") if part.upper().startswith("UNTIL=") else part


def next_owner(task: Task, people: dict[int, Person], day: date) -> int:
    """With a rotation: the next person after the current owner who is not away on `day`, round-robin.

    If everyone else is away, the current owner keeps it (even if away); without a rotation, the owner.
    """
    rotation = task.rotation
    if not rotation:
        return task.owner_id
    start = rotation.index(task.owner_id) + 1 if task.owner_id in rotation else 0
    for step in range(len(rotation)):
        candidate = rotation[(start + step) % len(rotation)]
        person = people.get(candidate)
        if person is not None and not person.is_away(day):
            return candidate
    return task.owner_id


def plan_occurrence(task: Task) -> datetime | None:
    """For a task that repeats on schedule: make the next instance when this one's deadline passes."""
    if not task.recurrence or task.repeat_mode is not RepeatMode.ON_SCHEDULE or task.due is None:
        return None
    return task.due.deadline()
