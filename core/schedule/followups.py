"""Following up unanswered requests and proposals, escalating, and telling people when a commitment slips."""
from __future__ import annotations

from datetime import datetime

from core.actions import answer_actions, settle_actions
from core.i18n import _, ngettext
from core.i18n_dates import day_text
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
    named = {"ref": task.ref, "title": task.title, "owner": owner.mention, "requester": requester.mention}
    actions: tuple[Action, ...]
    if task.nudges < policy.escalate_after_nudges:
        if asked:
            text = _("Still waiting for your answer on {ref} {title} ({due}), asked by {requester} on {day}.",
                     due=due_phrase(task.due, owner.tz), day=day_text(local_date(task.created_at, owner.tz)), **named)
            actions = answer_actions(task)
        else:
            text = _("Still waiting for your answer on {ref} {title}: {owner} proposed {date} instead of {asked}.",
                     date=when(task.proposed_due, requester.tz), asked=when(task.due, requester.tz), **named)
            actions = settle_actions(task, requester.tz)
        return [_notice(answerer, "nudge", text, task, actions, f"nudge:{task.id}:{task.nudges}:{fire_at.isoformat()}")]
    if asked:
        text = ngettext("{owner} hasn't answered {ref} {title} after {n} reminder. Reassign it (/task assign {ref} "
                        "@name), change the date, or cancel it.",
                        "{owner} hasn't answered {ref} {title} after {n} reminders. Reassign it (/task assign {ref} "
                        "@name), change the date, or cancel it.", task.nudges, **named)
        actions = (
            Action("assign", _("Reassign"), f"/task assign {task.ref} @name"),
            Action("due", _("Change date"), f"/task due {task.ref} <date>"),
            Action("cancel", _("Cancel"), f"/task cancel {task.ref}", "danger"),
        )
    else:
        text = ngettext("{requester} hasn't answered your proposed date ({date}) for {ref} {title} after {n} "
                        "reminder. Ask them directly, or propose another date.",
                        "{requester} hasn't answered your proposed date ({date}) for {ref} {title} after {n} "
                        "reminders. Ask them directly, or propose another date.", task.nudges,
                        date=when(task.proposed_due, owner.tz), **named)
        actions = (Action("propose", _("Propose date"), f"/task propose {task.ref} <date> [note]"),)
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
    text = _("{ref} {title} is overdue: {owner} committed to {date} and it isn't done yet.", ref=task.ref,
             title=task.title, owner=owner.mention, date=when(due, requester.tz))
    notices = [_notice(requester, "slipped", text, task, (), key)]
    if policy.tell_project_owner and project_owner is not None and project_owner.id not in (owner.id, requester.id):
        text = _("{ref} {title} is overdue: {owner} committed to {date} for {requester} and it isn't done yet.",
                 ref=task.ref, title=task.title, owner=owner.mention, date=when(due, project_owner.tz),
                 requester=requester.mention)
        notices.append(_notice(project_owner, "slipped", text, task, (), f"{key}:{project_owner.id}"))
    return notices


def _notice(to: Person, kind: str, text: str, task: Task, actions: tuple[Action, ...], key: str) -> Notice:
    assert to.id is not None
    return Notice(recipient_id=to.id, kind=kind, text=text, task_id=task.id, actions=actions,
                  dedupe_key=key).said_in(to.lang)
