"""Reminders about committed work: before it is due, when it is due, and daily while overdue."""
from __future__ import annotations

from datetime import datetime, timedelta

from core.i18n import _, ngettext
from core.outcome import Action, Notice
from core.people import Person
from core.schedule.policy import HolidayCalendar, SchedulePolicy
from core.schedule.wall import local_instant, same_time_next_day
from core.schedule.working_time import next_working_moment
from core.tasks import Agreement, Priority, Task
from core.wording import when

BEFORE, DUE, OVERDUE = "before", "due", "overdue"
Plan = tuple[datetime | None, str | None]


def plan_reminder(task: Task, owner: Person, now: datetime, policy: SchedulePolicy, holidays: HolidayCalendar) -> Plan:
    """The next reminder's instant and stage for open committed work with a due date, else (None, None).

    Exact deadlines get "before" (policy.reminder_lead ahead) and "due"; date-only deadlines get neither,
    since the morning digest lists what is due today. Overdue reminders come in the owner's working
    hours, at most once a calendar day (same wall-clock time the next day, so DST does not shift them).
    """
    due = task.due
    if not task.is_open or due is None or task.agreement is not Agreement.COMMITTED:
        return None, None
    if due.at is not None:
        if due.at - policy.reminder_lead > now:
            return due.at - policy.reminder_lead, BEFORE
        if due.at > now:
            return due.at, DUE
        first = due.at + policy.reminder_lead  # as long after the deadline as "before" came ahead of it
    else:
        assert due.on is not None
        first = local_instant(due.on + timedelta(days=1), owner.work_start, owner.tz)
    if task.reminder_stage == OVERDUE and task.next_reminder_at is not None:
        first = max(first, same_time_next_day(task.next_reminder_at, owner.tz))
    return next_working_moment(owner, max(now, first), holidays), OVERDUE


def reminder_notice(task: Task, owner: Person, stage: str, now: datetime, fire_at: datetime | None = None) -> Notice:
    """The reminder for `stage`, deduplicated on the planned fire time (`fire_at`, else task.next_reminder_at).

    Only the "due" reminder of an urgent task is marked urgent: that is the moment it must not be missed.
    """
    instant = fire_at or task.next_reminder_at or now
    named = {"ref": task.ref, "title": task.title, "date": when(task.due, owner.tz, now)}
    if stage == BEFORE and task.due is not None:
        if task.due.at is not None and task.due.at > now:
            text = _("Reminder: {ref} {title} is due {date} ({lead}).", lead=_in(task.due.at - now), **named)
        else:
            text = _("Reminder: {ref} {title} is due {date}.", **named)
    elif stage == DUE:
        text = _("Reminder: {ref} {title} is due now.", **named)
    else:
        text = _("{ref} {title} is overdue (was due {date}). Done? Need another date?", **named)
    assert owner.id is not None
    return Notice(
        recipient_id=owner.id,
        kind="reminder",
        text=text,
        task_id=task.id,
        actions=reminder_actions(task),
        urgent=stage == DUE and task.priority is Priority.URGENT,
        dedupe_key=f"reminder:{task.id}:{stage}:{instant.isoformat()}",
    )


def reminder_actions(task: Task) -> tuple[Action, ...]:
    """Done, Snooze, Propose date: what the owner can do about a reminder."""
    return (
        Action("done", _("Done"), f"/task done {task.ref}", "primary"),
        Action("snooze", _("Snooze"), f"/task snooze {task.ref} <when>"),
        Action("propose", _("Propose date"), f"/task propose {task.ref} <date> [note]"),
    )


def _in(delta: timedelta) -> str:
    """"in 1 hour", "in 45 minutes", "in 2 days": a lead time as people say it."""
    minutes = max(1, round(delta.total_seconds() / 60))
    for size in (1440, 60, 1):
        if minutes >= size and (minutes % size == 0 or size == 1 or minutes >= 3 * size):
            count = round(minutes / size)
            if size == 1440:
                return ngettext("in {n} day", "in {n} days", count)
            if size == 60:
                return ngettext("in {n} hour", "in {n} hours", count)
            return ngettext("in {n} minute", "in {n} minutes", count)
    return ngettext("in {n} minute", "in {n} minutes", minutes)

