"""TaskQuery as one SQL statement, with the visibility rule applied for the viewer."""
from __future__ import annotations

from sqlalchemy import ColumnElement, Select, exists, false, not_, or_, select

from core.people import Person
from core.ports import TaskQuery
from core.tasks import Status, Visibility
from storage.repositories.keys import escape_like
from storage.rows import TaskRow, TaskWatcherRow

CLOSED = (Status.DONE.value, Status.CANCELLED.value)


def task_select(query: TaskQuery) -> Select[TaskRow]:
    """SELECT the rows `query` asks for, visible to its viewer, due ones first, then by number."""
    statement = select(TaskRow).where(TaskRow.workspace_id == query.workspace_id, visible_to(query))
    for condition in _filters(query):
        statement = statement.where(condition)
    return statement.order_by(TaskRow.due_deadline.asc().nulls_last(), TaskRow.number).limit(query.limit)


def visible_to(query: TaskQuery) -> ColumnElement[bool]:
    """Limited people see only their own tasks; others see all but other people's private ones."""
    viewer = query.viewer
    if viewer.id is None or viewer.workspace_id != query.workspace_id:
        return false()
    if viewer.is_limited:
        return takes_part(viewer)
    return or_(TaskRow.visibility != Visibility.PRIVATE.value, takes_part(viewer))


def takes_part(person: Person) -> ColumnElement[bool]:
    """The task's requester, owner or a watcher is `person`."""
    watching = exists().where(TaskWatcherRow.task_id == TaskRow.id, TaskWatcherRow.person_id == person.id)
    return or_(TaskRow.requester_id == person.id, TaskRow.owner_id == person.id, watching)


def _filters(query: TaskQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.owner_id is not None:
        conditions.append(TaskRow.owner_id == query.owner_id)
    if query.requester_id is not None:
        conditions.append(TaskRow.requester_id == query.requester_id)
    if query.exclude_owner_id is not None:
        conditions.append(TaskRow.owner_id != query.exclude_owner_id)
    if query.agreements:
        conditions.append(TaskRow.agreement.in_([agreement.value for agreement in query.agreements]))
    if query.open_only:
        conditions.append(not_(TaskRow.status.in_(CLOSED)))
    if query.project_id is not None:
        conditions.append(TaskRow.project_id == query.project_id)
    if query.parent_id is not None:
        conditions.append(TaskRow.parent_id == query.parent_id)
    if query.conversation is not None:
        conditions.append(TaskRow.origin_conversation == query.conversation)
    if query.due_before is not None:
        conditions.append(TaskRow.due_deadline < query.due_before)
    if query.text:
        conditions.append(_text_matches(query.text))
    return conditions


def _text_matches(text: str) -> ColumnElement[bool]:
    pattern = "%" + escape_like(text.strip()) + "%"
    return or_(TaskRow.title.ilike(pattern, escape="\\"), TaskRow.notes.ilike(pattern, escape="\\"))
