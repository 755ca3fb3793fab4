"""TaskQuery as one SQL statement, with the visibility rule applied for the viewer (or the audience)."""
from __future__ import annotations

from sqlalchemy import ColumnElement, Select, and_, exists, false, not_, or_, select, true
from sqlalchemy.orm import aliased

from core.people import Person, Role
from core.ports import TaskQuery
from core.tasks import Status, Visibility
from storage.repositories.keys import escape_like
from storage.rows import (
    ConversationMemberRow,
    ConversationRow,
    IdentityRow,
    PersonRow,
    ProjectMemberRow,
    ProjectRow,
    TaskRow,
    TaskWatcherRow,
)

CLOSED = (Status.DONE.value, Status.CANCELLED.value)


def task_select(query: TaskQuery) -> Select[TaskRow]:
    """SELECT the rows `query` asks for, visible to its viewer, due ones first, then by number."""
    statement = select(TaskRow).where(TaskRow.workspace_id == query.workspace_id, visible_to(query))
    for condition in _filters(query):
        statement = statement.where(condition)
    return statement.order_by(TaskRow.due_deadline.asc().nulls_last(), TaskRow.number).limit(query.limit)


def visible_to(query: TaskQuery) -> ColumnElement[bool]:
    """core.permissions.sees_task in SQL: participants always; guests and external people only then; others
    when the conversation rule and the project rule both allow. With an audience, what all its members see."""
    if query.audience is not None:
        return seen_by_everyone_in(query.workspace_id, query.audience)
    viewer = query.viewer
    if viewer.id is None or viewer.workspace_id != query.workspace_id:
        return false()
    if viewer.is_limited:
        return takes_part(viewer)
    by_conversation = or_(TaskRow.visibility == Visibility.WORKSPACE.value,
                          and_(TaskRow.visibility == Visibility.CONVERSATION.value, _in_conversation(viewer)))
    return or_(takes_part(viewer), and_(by_conversation, _sees_project(viewer)))


def takes_part(person: Person) -> ColumnElement[bool]:
    """The task's requester, owner or a watcher is `person`."""
    watching = exists().where(TaskWatcherRow.task_id == TaskRow.id, TaskWatcherRow.person_id == person.id)
    return or_(TaskRow.requester_id == person.id, TaskRow.owner_id == person.id, watching)


def _in_conversation(person: Person) -> ColumnElement[bool]:
    """`person` (by any platform id) is a member of the readable conversation the task was asked in."""
    users = sorted(set(person.identities.values()))
    if not users:
        return false()
    return exists().where(
        ConversationRow.workspace_id == TaskRow.workspace_id,
        ConversationRow.external_id == TaskRow.origin_conversation, ConversationRow.readable,
        ConversationMemberRow.conversation_id == ConversationRow.id, ConversationMemberRow.user.in_(users))


def _sees_project(person: Person) -> ColumnElement[bool]:
    """The task is in no project, in a public one, or in one `person` is a member of."""
    member = exists().where(ProjectMemberRow.project_id == TaskRow.project_id,
                            ProjectMemberRow.person_id == person.id)
    # An alias, so a query that already joins projects doesn't correlate this one away.
    project = aliased(ProjectRow)
    hidden = exists().where(project.id == TaskRow.project_id, project.private)
    return or_(TaskRow.project_id.is_(None), not_(hidden), member)


def seen_by_everyone_in(workspace_id: int, conversation: str) -> ColumnElement[bool]:
    """Tasks every member of `conversation` may see: not private, in no private project, open to the workspace
    or asked in this very conversation, and nobody limited (a guest, someone external) is among its members."""
    public_project = or_(TaskRow.project_id.is_(None),
                         not_(exists().where(ProjectRow.id == TaskRow.project_id, ProjectRow.private)))
    here = and_(TaskRow.visibility == Visibility.CONVERSATION.value, TaskRow.origin_conversation == conversation)
    return and_(or_(TaskRow.visibility == Visibility.WORKSPACE.value, here), public_project,
                not_(_has_limited_member(workspace_id, conversation)))


def _has_limited_member(workspace_id: int, conversation: str) -> ColumnElement[bool]:
    limited = or_(PersonRow.role == Role.GUEST.value, PersonRow.external == true())
    return exists().where(
        ConversationRow.workspace_id == workspace_id, ConversationRow.external_id == conversation,
        ConversationMemberRow.conversation_id == ConversationRow.id,
        IdentityRow.workspace_id == workspace_id, IdentityRow.external_id == ConversationMemberRow.user,
        PersonRow.id == IdentityRow.person_id, limited)


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
    if query.number is not None:
        conditions.append(TaskRow.number == query.number)
    return conditions


def _text_matches(text: str) -> ColumnElement[bool]:
    pattern = "%" + escape_like(text.strip()) + "%"
    return or_(TaskRow.title.ilike(pattern, escape="\\"), TaskRow.notes.ilike(pattern, escape="\\"))
