"""Converting between Task dataclasses and TaskRow."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from core.conversations import ConversationKind
from core.due import Due
from core.tasks import Agreement, Origin, Priority, RepeatMode, Status, Task, Visibility
from storage.rows import TaskRow


def fill_row(row: TaskRow, task: Task) -> None:
    """Copy every stored field of `task` onto `row` (watchers live in their own table)."""
    for name, value in _values(task).items():
        setattr(row, name, value)


def update_row(row: TaskRow, task: Task) -> None:
    """As fill_row, for a row already stored: only the fields that differ are set (setting is the costly part)."""
    for name, value in _values(task).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _values(task: Task) -> dict[str, Any]:
    due_on, due_at, due_tz = _due_columns(task.due)
    proposed_on, proposed_at, proposed_tz = _due_columns(task.proposed_due)
    origin = task.origin
    return {
        "workspace_id": task.workspace_id,
        "number": task.number,
        "title": task.title,
        "notes": task.notes,
        "requester_id": task.requester_id,
        "owner_id": task.owner_id,
        "agreement": task.agreement.value,
        "status": task.status.value,
        "priority": task.priority.value,
        "due_on": due_on,
        "due_at": due_at,
        "due_tz": due_tz,
        "due_deadline": task.due.deadline() if task.due else None,
        "proposed_on": proposed_on,
        "proposed_at": proposed_at,
        "proposed_tz": proposed_tz,
        "project_id": task.project_id,
        "labels": list(task.labels),
        "parent_id": task.parent_id,
        "origin_conversation": origin.conversation if origin else None,
        "origin_message": origin.message if origin else None,
        "origin_link": origin.link if origin else None,
        "origin_kind": origin.kind.value if origin and origin.kind else None,
        "visibility": task.visibility.value,
        "recurrence": task.recurrence,
        "created_at": task.created_at,
        "updated_at": task.updated_at,
        "completed_at": task.completed_at,
        "repeat_mode": task.repeat_mode.value,
        "rotation": list(task.rotation),
        "next_reminder_at": task.next_reminder_at,
        "reminder_stage": task.reminder_stage,
        "follow_up_at": task.follow_up_at,
        "nudges": task.nudges,
        "next_occurrence_at": task.next_occurrence_at,
        "effort_minutes": task.effort_minutes,
    }


def to_task(row: TaskRow, watchers: set[int]) -> Task:
    """The Task a row stores, with its watchers."""
    return Task(
        workspace_id=row.workspace_id,
        number=row.number,
        title=row.title,
        requester_id=row.requester_id,
        owner_id=row.owner_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        agreement=Agreement(row.agreement),
        status=Status(row.status),
        priority=Priority(row.priority),
        due=_due(row.due_on, row.due_at, row.due_tz),
        proposed_due=_due(row.proposed_on, row.proposed_at, row.proposed_tz),
        notes=row.notes,
        watchers=watchers,
        project_id=row.project_id,
        labels=tuple(row.labels),
        parent_id=row.parent_id,
        origin=_origin(row),
        visibility=Visibility(row.visibility),
        recurrence=row.recurrence,
        repeat_mode=RepeatMode(row.repeat_mode),
        rotation=tuple(row.rotation or ()),
        completed_at=row.completed_at,
        next_reminder_at=row.next_reminder_at,
        reminder_stage=row.reminder_stage,
        follow_up_at=row.follow_up_at,
        nudges=row.nudges,
        next_occurrence_at=row.next_occurrence_at,
        effort_minutes=row.effort_minutes,
        id=row.id,
    )


def _due_columns(due: Due | None) -> tuple[date | None, datetime | None, str | None]:
    if due is None:
        return None, None, None
    return due.on, due.at, due.tz


def _due(on: date | None, at: datetime | None, tz: str | None) -> Due | None:
    if on is None and at is None:
        return None
    return Due(tz=tz or "UTC", on=on, at=at)


def _origin(row: TaskRow) -> Origin | None:
    if row.origin_conversation is None:
        return None
    kind = ConversationKind(row.origin_kind) if row.origin_kind else None
    return Origin(conversation=row.origin_conversation, message=row.origin_message, link=row.origin_link, kind=kind)
