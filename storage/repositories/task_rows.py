"""Reading many tasks fast: a fixed column list unpacked by position, for the digest's large batches."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, Text, cast, type_coerce
from sqlalchemy.orm import InstrumentedAttribute

from core.conversations import ConversationKind
from core.due import Due
from core.tasks import Agreement, Origin, Priority, RepeatMode, Status, Task, Visibility
from storage.rows import TaskRow
from storage.types import UTCDateTime


def _raw(column: InstrumentedAttribute[Any]) -> ColumnElement[Any] | InstrumentedAttribute[Any]:
    """Instants and dates as the driver gives them, JSON lists as text, all converted in to_task_fast:
    SQLAlchemy's per-value processing of these (mostly NULL or empty) columns costs more than the rest of
    a row, and as text the usual empty list needs no JSON decoding (PostgreSQL's driver would decode it)."""
    if column.key in ("labels", "rotation"):
        return cast(column, Text)
    if isinstance(column.type, UTCDateTime | Date):
        return type_coerce(column, Text)
    return column


# Every stored Task field except the derived due_deadline, in the order to_task_fast unpacks them.
TASK_COLUMNS = tuple(_raw(column) for column in (
    TaskRow.id, TaskRow.workspace_id, TaskRow.number, TaskRow.title, TaskRow.notes, TaskRow.requester_id,
    TaskRow.owner_id, TaskRow.agreement, TaskRow.status, TaskRow.priority, TaskRow.due_on, TaskRow.due_at,
    TaskRow.due_tz, TaskRow.proposed_on, TaskRow.proposed_at, TaskRow.proposed_tz, TaskRow.project_id,
    TaskRow.labels, TaskRow.parent_id, TaskRow.origin_conversation, TaskRow.origin_message, TaskRow.origin_link,
    TaskRow.origin_kind, TaskRow.visibility, TaskRow.recurrence, TaskRow.repeat_mode, TaskRow.rotation,
    TaskRow.created_at, TaskRow.updated_at, TaskRow.completed_at, TaskRow.next_reminder_at, TaskRow.reminder_stage,
    TaskRow.follow_up_at, TaskRow.nudges, TaskRow.next_occurrence_at, TaskRow.effort_minutes,
))
# Dictionary lookups are several times faster than calling the enum class.
AGREEMENTS = {member.value: member for member in Agreement}
STATUSES = {member.value: member for member in Status}
PRIORITIES = {member.value: member for member in Priority}
VISIBILITIES = {member.value: member for member in Visibility}
REPEAT_MODES = {member.value: member for member in RepeatMode}
KINDS = {member.value: member for member in ConversationKind}


def to_task_fast(values: Sequence[Any]) -> Task:
    """The Task (without watchers) a row of TASK_COLUMNS stores; equal to what task_mapping.to_task makes."""
    (task_id, workspace_id, number, title, notes, requester_id, owner_id, agreement, status, priority,
     due_on, due_at, due_tz, proposed_on, proposed_at, proposed_tz, project_id, labels, parent_id,
     conversation, message, link, kind, visibility, recurrence, repeat_mode, rotation, created_at, updated_at,
     completed_at, next_reminder_at, reminder_stage, follow_up_at, nudges, next_occurrence_at, effort_minutes) = values
    fields = {
        "workspace_id": workspace_id, "number": number, "title": title, "requester_id": requester_id,
        "owner_id": owner_id, "created_at": _instant(created_at), "updated_at": _instant(updated_at),
        "agreement": AGREEMENTS[agreement], "status": STATUSES[status], "priority": PRIORITIES[priority],
        "due": _due(due_on, due_at, due_tz), "proposed_due": _due(proposed_on, proposed_at, proposed_tz),
        "notes": notes, "watchers": set(), "project_id": project_id, "labels": _tuple(labels),
        "parent_id": parent_id,
        "origin": None if conversation is None else Origin(conversation=conversation, message=message, link=link,
                                                          kind=KINDS[kind] if kind else None),
        "visibility": VISIBILITIES[visibility], "recurrence": recurrence, "repeat_mode": REPEAT_MODES[repeat_mode],
        "rotation": _tuple(rotation), "completed_at": _instant(completed_at),
        "next_reminder_at": _instant(next_reminder_at), "reminder_stage": reminder_stage,
        "follow_up_at": _instant(follow_up_at), "nudges": nudges, "next_occurrence_at": _instant(next_occurrence_at),
        "effort_minutes": effort_minutes, "id": task_id,
    }
    if not PLAIN_TASK_INIT:
        return Task(**fields)
    task = _new(Task)
    task.__dict__.update(fields)  # what the generated __init__ does, at a quarter of the cost
    return task


def plain_init(cls: type) -> bool:
    """Whether `cls` is a dataclass whose __init__ does nothing but store each of its fields as given:
    then filling a bare instance's __dict__ makes an equal object."""
    if not dataclasses.is_dataclass(cls) or "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        return False
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    return bool(params.init and not params.frozen) and all(f.init for f in dataclasses.fields(cls))


PLAIN_TASK_INIT = plain_init(Task)
_new = object.__new__


def _instant(value: Any) -> Any:
    """An aware UTC datetime: SQLite keeps the UTC wall time as text, PostgreSQL gives a datetime."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value + "+00:00")
    return value.astimezone(UTC)


def _due(on: Any, at: Any, tz: str | None) -> Due | None:
    if on is None and at is None:
        return None
    day: date | None = date.fromisoformat(on) if isinstance(on, str) else on
    return Due(tz=tz or "UTC", on=day, at=_instant(at))


def _tuple(value: Any) -> tuple[Any, ...]:
    """A JSON list column, read as text, as a tuple."""
    return () if value == "[]" or not value else tuple(json.loads(value))
