"""What each core.work.Section means in SQL, for one subject; and the filters a WorkQuery adds."""
from __future__ import annotations

import json

from sqlalchemy import ColumnElement, String, and_, cast, not_, or_, select, true, union_all

from core.tasks import Agreement, Status
from core.work import Section, WorkQuery
from storage.repositories.keys import escape_like
from storage.rows import TaskRow

CLOSED = (Status.DONE.value, Status.CANCELLED.value)


def section_condition(section: Section, query: WorkQuery) -> ColumnElement[bool]:
    """The tasks in `section` for the query's subject (before the sections ahead of it take theirs)."""
    me = query.subject_id
    owns, asked = TaskRow.owner_id == me, TaskRow.requester_id == me
    of_others, to_others = and_(owns, TaskRow.requester_id != me), and_(asked, TaskRow.owner_id != me)
    once = TaskRow.recurrence.is_(None)
    if section is Section.ANSWER:
        escalated = TaskRow.nudges >= query.escalate_after
        return or_(and_(of_others, _agreement(Agreement.REQUESTED)),
                   and_(to_others, _agreement(Agreement.PROPOSED, Agreement.DECLINED)),
                   and_(to_others, _agreement(Agreement.REQUESTED), escalated),
                   and_(of_others, _agreement(Agreement.PROPOSED), escalated))
    if section is Section.COMMITTED:
        return and_(of_others, _agreement(Agreement.COMMITTED), once)
    if section is Section.OWN:
        return and_(owns, asked, once)
    if section is Section.RECURRING:
        return and_(TaskRow.recurrence.is_not(None), or_(owns, _in_rotation(me)))
    if section is Section.WAITING or section is Section.ASKED:
        return to_others
    if section is Section.MINE:
        return owns
    if section is Section.INBOX:
        return or_(and_(owns, _agreement(Agreement.REQUESTED)), and_(asked, _agreement(Agreement.PROPOSED)))
    return true()


def candidates(query: WorkQuery) -> list[ColumnElement[bool]]:
    """For lists about one person: the tasks they own, asked for or rotate in, as a union of index lookups, so
    the sections and the visibility rule are checked on those few rows only (not on the whole workspace)."""
    if Section.ANY in query.sections:
        return []
    me, workspace = query.subject_id, TaskRow.workspace_id == query.workspace_id
    branches = [select(TaskRow.id).where(workspace, TaskRow.owner_id == me),
                select(TaskRow.id).where(workspace, TaskRow.requester_id == me)]
    if Section.RECURRING in query.sections:
        branches.append(select(TaskRow.id).where(workspace, TaskRow.recurrence.is_not(None), _in_rotation(me)))
    return [TaskRow.id.in_(union_all(*branches))]


def filters(query: WorkQuery) -> list[ColumnElement[bool]]:
    """The query's filters, all of which apply."""
    found: list[ColumnElement[bool]] = []
    if query.done_since is not None:
        found += [TaskRow.status == Status.DONE.value, TaskRow.completed_at >= query.done_since]
    elif query.open_only:
        found.append(not_(TaskRow.status.in_(CLOSED)))
    if query.project_id is not None:
        found.append(TaskRow.project_id == query.project_id)
    found += [_has_label(label) for label in query.labels]
    if query.priorities:
        found.append(TaskRow.priority.in_([p.value for p in query.priorities]))
    if query.due_from is not None:
        found.append(TaskRow.due_deadline > query.due_from)
    if query.due_until is not None:
        found.append(TaskRow.due_deadline <= query.due_until)
    if query.conversation is not None:
        found.append(TaskRow.origin_conversation == query.conversation)
    if query.text:
        pattern = "%" + escape_like(query.text.strip()) + "%"
        found.append(or_(TaskRow.title.ilike(pattern, escape="\\"), TaskRow.notes.ilike(pattern, escape="\\")))
    return found


def _agreement(*agreements: Agreement) -> ColumnElement[bool]:
    return TaskRow.agreement.in_([a.value for a in agreements])


def _has_label(label: str) -> ColumnElement[bool]:
    # labels are a JSON list of lower-case words, stored as json.dumps writes them
    pattern = "%" + escape_like(json.dumps(label.lower())) + "%"
    return cast(TaskRow.labels, String).like(pattern, escape="\\")


def _in_rotation(person_id: int) -> ColumnElement[bool]:
    # the rotation is a JSON list of person ids as json.dumps writes it: "[3, 12, 40]"
    return or_(*(cast(TaskRow.rotation, String).like(f"%{before}{person_id}{after}%")
                 for before in ("[", " ") for after in (",", "]")))
