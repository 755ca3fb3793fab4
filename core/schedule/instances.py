"""Recurring duties: making the next instance of a task, with its rotating owner."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.actions import answer_actions
from core.activity import Activity
from core.i18n import _
from core.negotiation import opening_agreement
from core.outcome import Notice
from core.people import Person
from core.ports import UnitOfWork
from core.schedule.recurrence import next_due, next_owner
from core.tasks import Agreement, Status, Task
from core.wording import when


def next_instance(uow: UnitOfWork, task: Task, now: datetime) -> tuple[Task, list[Notice]] | None:
    """Create the task's next occurrence (the series moves to it) and the request to its owner."""
    if not task.recurrence or task.due is None:
        return None
    due = next_due(task, task.due.local_date())
    if due is None:
        return None
    people = uow.people.many({task.owner_id, task.requester_id, *task.rotation})
    owner_id = next_owner(task, people, due.local_date())
    fresh = replace(
        task, id=None, number=uow.tasks.next_number(task.workspace_id), owner_id=owner_id, due=due,
        proposed_due=None, status=Status.OPEN, completed_at=None, created_at=now, updated_at=now,
        watchers=set(task.watchers), nudges=0, next_reminder_at=None, reminder_stage=None,
        follow_up_at=None, next_occurrence_at=None,
    )
    fresh.agreement = opening_agreement(fresh)
    fresh = uow.tasks.add(fresh)
    task.recurrence, task.next_occurrence_at = None, None
    uow.tasks.save(task)
    uow.activity.add(Activity(task.id or 0, None, "repeats as", fresh.ref, now))
    uow.activity.add(Activity(fresh.id or 0, None, "repeats", f"after {task.ref}", now))
    return fresh, _ask(fresh, people.get(owner_id), now)


def _ask(task: Task, owner: Person | None, now: datetime) -> list[Notice]:
    if owner is None or task.agreement is not Agreement.REQUESTED:
        return []
    text = _("Next round of a recurring duty: {ref} {title}, due {date}. Accept, propose another date, or decline.",
             ref=task.ref, title=task.title, date=when(task.due, owner.tz, now))

    return [Notice(owner.id or 0, "request", text, task.id, None, answer_actions(task),
                   dedupe_key=f"instance:{task.id}:{owner.id}")]
