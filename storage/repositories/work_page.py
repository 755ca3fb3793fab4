"""A WorkQuery as SQL: one page by key (never by offset), and the totals of the whole list, both through visible_to."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from core.ports import TaskQuery
from core.tasks import Task
from core.work import Section, WorkItem, WorkKey, WorkPage, WorkQuery
from storage.repositories.task_query import visible_to
from storage.repositories.work_sections import candidates, filters, section_condition
from storage.rows import GoalRow, ProjectRow, TaskRow

NO_PROJECT = 2_147_483_647  # tasks in no project come after every project


@dataclass(frozen=True)
class Conditions:
    """A query's SQL, built once: where a task must be, and which section it falls in."""

    where: list[ColumnElement[bool]]
    rank: ColumnElement[int]

    @classmethod
    def of(cls, query: WorkQuery) -> Conditions:
        sections = [section_condition(s, query) for s in query.sections]
        scope = TaskQuery(query.workspace_id, query.viewer)
        # a person's candidates are found by index in their workspace; the workspace is not asked again, so the
        # planner looks the candidates up by id instead of walking the workspace's tasks
        where = [*(candidates(query) or [TaskRow.workspace_id == query.workspace_id]), visible_to(scope),
                 *filters(query)]
        if len(sections) == 1:
            return cls([*where, sections[0]], literal(0))
        rank = case(*((c, i) for i, c in enumerate(sections)))  # NULL: in none of the sections
        return cls([*where, rank.is_not(None)], rank)


def work_rows(session: Session, query: WorkQuery, sql: Conditions) -> tuple[list[tuple[TaskRow, WorkKey]], bool]:
    """The page's rows with their keys, and whether more follow."""
    rank, project = sql.rank, _project_key(query)
    section, group = rank.label("section"), project.label("grp")
    statement = select(TaskRow, section, group).where(*sql.where)
    if query.after is not None:
        statement = statement.where(_after(rank, project, query.after))
    # ordered by the labels, so the section's CASE is not written out again
    statement = statement.order_by(section, group, TaskRow.due_deadline.asc().nulls_last(), TaskRow.number)
    found = session.execute(statement.limit(query.limit + 1)).all()
    rows = [(row, WorkKey(int(r), int(p), row.due_deadline, row.number)) for row, r, p in found[:query.limit]]
    return rows, len(found) > query.limit


def work_totals(session: Session, query: WorkQuery, sql: Conditions,
                ) -> tuple[dict[Section, int], dict[tuple[Section, int | None], int]]:
    """How many tasks the whole list holds, by section and by (section, project)."""
    columns = (sql.rank.label("section"), TaskRow.project_id) if query.grouped else (sql.rank.label("section"),)
    groups: list[Any] = [literal_column("section"), TaskRow.project_id][:2 if query.grouped else 1]
    found = session.execute(select(*columns, func.count()).where(*sql.where).group_by(*groups)).all()
    by_section: dict[Section, int] = {}
    by_project: dict[tuple[Section, int | None], int] = {}
    for row in found:
        section, count = query.sections[int(row[0])], int(row[-1])
        by_section[section] = by_section.get(section, 0) + count
        if query.grouped:
            by_project[(section, row[1])] = count
    return by_section, by_project


def totals_of(tasks: Sequence[Task], keys: Sequence[WorkKey], query: WorkQuery,
              ) -> tuple[dict[Section, int], dict[tuple[Section, int | None], int]]:
    """The totals of a list that fits on its page, counted from the page."""
    by_section: dict[Section, int] = {}
    by_project: dict[tuple[Section, int | None], int] = {}
    for task, key in zip(tasks, keys, strict=True):
        section = query.sections[key.section]
        by_section[section] = by_section.get(section, 0) + 1
        if query.grouped:
            by_project[(section, task.project_id)] = by_project.get((section, task.project_id), 0) + 1
    return by_section, by_project


def page_of(tasks: Sequence[Task], keys: Sequence[WorkKey], query: WorkQuery, more: bool,
            totals: tuple[dict[Section, int], dict[tuple[Section, int | None], int]],
            projects: dict[int, tuple[str, str | None]]) -> WorkPage:
    items = [WorkItem(task, query.sections[key.section], key) for task, key in zip(tasks, keys, strict=True)]
    return WorkPage(items, totals[0], totals[1], more, projects)


def project_names(session: Session, project_ids: set[int]) -> dict[int, tuple[str, str | None]]:
    """Each project's name and its goal's name (if any), in one query."""
    if not project_ids:
        return {}
    found = session.execute(select(ProjectRow.id, ProjectRow.name, GoalRow.name)
                            .outerjoin(GoalRow, GoalRow.id == ProjectRow.goal_id)
                            .where(ProjectRow.id.in_(sorted(project_ids))))
    return {int(pid): (str(name), goal) for pid, name, goal in found}


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
