"""Following up unanswered requests and proposals, escalating, and telling people when a commitment slips."""
from __future__ import annotations

from datetime import datetime

from core.actions import answer_actions, settle_actions
from core.outcome import Action, Notice
from core.people import Person
from core.schedule.policy import HolidayCalendar, SchedulePolicy
from core.schedule.wall import local_date
from core.schedule.working_time import add_working_hours
from core.tasks import Agreement, Task
from core.wording import due_phrase, when

WAITING = (Agreement.REQUESTED, Agreement.PROPOSED)


def plan_follow_up(
    task: Task, waiting_on: Person, since: datetime, policy: SchedulePolicy, holidays: HolidayCalendar
) -> datetime | None:
    """When to follow up an open request or proposal: after policy.follow_up_after_hours of `waiting_on`'s
    working time since `since`; None when nobody is waiting for an answer."""
    if not task.is_open or task.agreement not in WAITING:
        return None
    return add_working_hours(waiting_on, since, policy.follow_up_after_hours, holidays)


def follow_up_notices(
    task: Task, owner: Person, requester: Person, policy: SchedulePolicy, fire_at: datetime
) -> list[Notice]:
    """A nudge to whoever must answer, or once task.nudges reaches the limit, one escalation to the other side."""
    if not task.is_open or task.agreement not in WAITING:
        return []
    asked = task.agreement is Agreement.REQUESTED
    answerer, other = (owner, requester) if asked else (requester, owner)
    subject = f"{task.ref} {task.title}"
    actions: tuple[Action, ...]
    if task.nudges < policy.escalate_after_nudges:
        if asked:
            text = (f"Still waiting for your answer on {subject} ({due_phrase(task.due, owner.tz)}), "
                    f"asked by {requester.mention} on {_day(task.created_at, owner.tz)}.")
            actions = answer_actions(task)
        else:
            text = (f"Still waiting for your answer on {subject}: {owner.mention} proposed "
                    f"{when(task.proposed_due, requester.tz)} instead of {when(task.due, requester.tz)}.")
            actions = settle_actions(task, requester.tz)
        return [_notice(answerer, "nudge", text, task, actions, f"nudge:{task.id}:{task.nudges}:{fire_at.isoformat()}")]
    times = f"{task.nudges} reminder{'' if task.nudges == 1 else 's'}"
    if asked:
        text = (f"{owner.mention} hasn't answered {subject} after {times}. "
                f"Reassign it (/task assign {task.ref} @name), change the date, or cancel it.")
        actions = (
            Action("assign", "Reassign", f"/task assign {task.ref} @name"),
            Action("due", "Change date", f"/task due {task.ref} <date>"),
            Action("cancel", "Cancel", f"/task cancel {task.ref}", "danger"),
        )
    else:
        text = (f"{requester.mention} hasn't answered your proposed date ({when(task.proposed_due, owner.tz)}) "
                f"for {subject} after {times}. Ask them directly, or propose another date.")
        actions = (Action("propose", "Propose date", f"/task propose {task.ref} <date> [note]"),)
    return [_notice(other, "escalation", text, task, actions, f"escalation:{task.id}:{task.agreement}")]


def overdue_commitment_notices(
    task: Task, owner: Person, requester: Person, project_owner: Person | None, policy: SchedulePolicy
) -> list[Notice]:
    """Tell the requester (and the project owner, when the policy says so) that a committed request slipped.

    The caller decides the task is overdue; keys carry the due date, so each slip is told once.
    """
    due = task.due
    if not task.is_open or due is None or not task.is_request or task.agreement is not Agreement.COMMITTED:
        return []
    key = f"slipped:{task.id}:{due.wire()}"
    subject = f"{task.ref} {task.title}"
    text = f"{subject} is overdue: {owner.mention} committed to {when(due, requester.tz)} and it isn't done yet."
    notices = [_notice(requester, "slipped", text, task, (), key)]
    if policy.tell_project_owner and project_owner is not None and project_owner.id not in (owner.id, requester.id):
        text = (f"{subject} is overdue: {owner.mention} committed to {when(due, project_owner.tz)} "
                f"for {requester.mention} and it isn't done yet.")
        notices.append(_notice(project_owner, "slipped", text, task, (), f"{key}:{project_owner.id}"))
    return notices


def _notice(to: Person, kind: str, text: str, task: Task, actions: tuple[Action, ...], key: str) -> Notice:
    assert to.id is not None
    return Notice(recipient_id=to.id, kind=kind, text=text, task_id=task.id, actions=actions, dedupe_key=key)


def _day(instant: datetime, tz: str) -> str:
    day = local_date(instant, tz)
    return f"{day:%a} {day.day} {day:%b}"
