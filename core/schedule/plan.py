"""Keeping a task's next reminder, follow-up and occurrence times true after every change."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.people import Person
from core.schedule.followups import plan_follow_up
from core.schedule.policy import HolidayCalendar, SchedulePolicy
from core.schedule.recurrence import plan_occurrence
from core.schedule.reminders import plan_reminder
from core.tasks import Agreement, Task


def plan_task(task: Task, owner: Person, requester: Person, now: datetime, policy: SchedulePolicy,
              holidays: HolidayCalendar) -> None:
    """Set when the scheduler next looks at `task`; someone just acted, so follow-ups start over."""
    task.nudges = 0
    if not task.is_open:
        task.next_reminder_at = task.reminder_stage = task.follow_up_at = task.next_occurrence_at = None
        return
    task.next_reminder_at, task.reminder_stage = plan_reminder(task, owner, now, policy, holidays)
    waiting_on = {Agreement.REQUESTED: owner, Agreement.PROPOSED: requester}.get(task.agreement)
    task.follow_up_at = (plan_follow_up(task, waiting_on, now, policy, holidays)
                         if waiting_on is not None and task.is_request else None)
    task.next_occurrence_at = plan_occurrence(task) if task.recurrence else None


def snooze_until(task: Task, until: datetime) -> None:
    """Hold the reminder until `until`; it comes back as 'due soon' or 'overdue', whichever is true then."""
    overdue = task.due is not None and task.due.deadline() <= until
    task.next_reminder_at, task.reminder_stage = until, "overdue" if overdue else "before"


def next_project_digest(tz: str, weekday: int, after: datetime) -> datetime:
    """The next `weekday` at 09:00 in `tz`, strictly after `after`."""
    zone = ZoneInfo(tz)
    local = after.astimezone(zone)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        candidate = datetime.combine(day, time(9, 0), zone)
        if day.weekday() == weekday and candidate > after:
            return candidate.astimezone(after.tzinfo)
    raise AssertionError("a weekday comes within eight days")
