"""A WorkQuery as SQL: one page by key (never by offset), and the totals of the whole list, both through visible_to."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from core.ports import TaskQuery
from core.tasks import Task
from core.work import Section, WorkItem, WorkKey, WorkPage, WorkQuery
from storage.repositories.task_query import visible_to
from storage.repositories.work_sections import filters, section_condition
from storage.rows import TaskRow

S = TypeVar("S", bound=Select)  # type: ignore[type-arg]
NO_PROJECT = 2_147_483_647  # tasks in no project come after every project


def work_rows(session: Session, query: WorkQuery) -> tuple[list[tuple[TaskRow, WorkKey]], bool]:
    """The page's rows with their keys, and whether more follow."""
    rank, project = _rank(query), _project_key(query)
    statement = _where(select(TaskRow, rank, project), query)
    if query.after is not None:
        statement = statement.where(_after(rank, project, query.after))
    statement = statement.order_by(rank, project, TaskRow.due_deadline.asc().nulls_last(), TaskRow.number)
    found = session.execute(statement.limit(query.limit + 1)).all()
    rows = [(row, WorkKey(int(r), int(p), row.due_deadline, row.number)) for row, r, p in found[:query.limit]]
    return rows, len(found) > query.limit


def work_totals(session: Session, query: WorkQuery) -> tuple[dict[Section, int], dict[tuple[Section, int | None], int]]:
    """How many tasks the whole list holds, by section and by (section, project)."""
    rank = _rank(query)
    columns = (rank, TaskRow.project_id) if query.grouped else (rank,)
    found = session.execute(_where(select(*columns, func.count()), query).group_by(*columns)).all()
    by_section: dict[Section, int] = {}
    by_project: dict[tuple[Section, int | None], int] = {}
    for row in found:
        section, count = query.sections[int(row[0])], int(row[-1])
        by_section[section] = by_section.get(section, 0) + count
        if query.grouped:
            by_project[(section, row[1])] = count
    return by_section, by_project


def page_of(tasks: Sequence[Task], keys: Sequence[WorkKey], query: WorkQuery, more: bool,
            totals: tuple[dict[Section, int], dict[tuple[Section, int | None], int]]) -> WorkPage:
    items = [WorkItem(task, query.sections[key.section], key) for task, key in zip(tasks, keys, strict=True)]
    return WorkPage(items, totals[0], totals[1], more)


def _where(statement: S, query: WorkQuery) -> S:
    scope = TaskQuery(query.workspace_id, query.viewer)
    sections = [section_condition(s, query) for s in query.sections]
    return statement.where(TaskRow.workspace_id == query.workspace_id, visible_to(scope),
                           or_(*sections), *filters(query))


def _rank(query: WorkQuery) -> ColumnElement[int]:
    """The index of the first section a task falls in (a constant when there is one)."""
    if len(query.sections) == 1:
        return literal(0)
    whens = [(section_condition(s, query), i) for i, s in enumerate(query.sections[:-1])]
    return case(*whens, else_=len(query.sections) - 1)


def _project_key(query: WorkQuery) -> ColumnElement[int]:
    if not query.grouped:
        return literal(0)
    return func.coalesce(TaskRow.project_id, NO_PROJECT)


def _after(rank: ColumnElement[int], project: ColumnElement[int], key: WorkKey) -> ColumnElement[bool]:
    """Rows after `key` in (rank, project, deadline with none last, number) order."""
    later = or_(rank > key.section, and_(rank == key.section, project > key.project))
    same = and_(rank == key.section, project == key.project)
    return or_(later, and_(same, _after_deadline(key.deadline, key.number)))


def _after_deadline(deadline: datetime | None, number: int) -> ColumnElement[bool]:
    if deadline is None:
        return and_(TaskRow.due_deadline.is_(None), TaskRow.number > number)
    return or_(TaskRow.due_deadline > deadline, TaskRow.due_deadline.is_(None),
               and_(TaskRow.due_deadline == deadline, TaskRow.number > number))
