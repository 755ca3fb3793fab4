"""WorkQuery in SQL: sections in order, pages by key across equal and missing deadlines, totals, rotation."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from core.due import Due
from core.people import Person
from core.tasks import Agreement, Priority, Visibility
from core.work import Section, WorkPage, WorkQuery
from storage.uow import SqlUnitOfWork, SqlUnitOfWorkFactory
from tests.storage.builders import add_person, add_task, add_workspace

MY_WORK = (Section.ANSWER, Section.COMMITTED, Section.OWN, Section.RECURRING, Section.WAITING)
FRIDAY = Due.date_(datetime(2026, 3, 27, tzinfo=UTC).date(), "Europe/Berlin")


def _all_pages(uow: SqlUnitOfWork, query: WorkQuery) -> list[WorkPage]:
    pages = [uow.tasks.work_page(query)]
    while pages[-1].more:
        pages.append(uow.tasks.work_page(replace(query, after=pages[-1].items[-1].key)))
    return pages


def _numbers(pages: list[WorkPage]) -> list[int]:
    return [item.task.number for page in pages for item in page.items]


def _query(person: Person, **fields: object) -> WorkQuery:
    return WorkQuery(person.workspace_id, person, person.id or 0, MY_WORK, **fields)  # type: ignore[arg-type]


def test_pages_by_key_cover_every_task_once_across_equal_and_missing_deadlines(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        for i in range(7):
            add_task(uow, ana, due=FRIDAY if i % 2 else None)
        pages = _all_pages(uow, _query(ana, limit=2))
        assert [len(p.items) for p in pages] == [2, 2, 2, 1]
        assert _numbers(pages) == [2, 4, 6, 1, 3, 5, 7]  # dated first, then by number
        assert all(p.total == 7 for p in pages)


def test_each_task_falls_in_the_first_section_it_matches_and_totals_count_by_project(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo, cy = (add_person(uow, workspace, n) for n in ("Ana", "Bo", "Cy"))
        add_task(uow, bo, ana, agreement=Agreement.REQUESTED)  # 1 answer
        add_task(uow, bo, ana, agreement=Agreement.COMMITTED)  # 2 committed
        add_task(uow, ana, ana)  # 3 own
        add_task(uow, bo, bo, recurrence="FREQ=WEEKLY;BYDAY=MO", rotation=(bo.id, ana.id))  # 4 rotates in
        add_task(uow, ana, bo, agreement=Agreement.PROPOSED)  # 5 answer: a counter-offer
        add_task(uow, ana, bo, agreement=Agreement.COMMITTED)  # 6 waiting
        add_task(uow, ana, bo, agreement=Agreement.REQUESTED, nudges=2)  # 7 answer: escalated
        add_task(uow, bo, cy)  # 8 not hers
        add_task(uow, bo, bo, recurrence="FREQ=WEEKLY;BYDAY=MO", rotation=(bo.id, (cy.id or 0) + 10))  # 9 not hers
        page = uow.tasks.work_page(_query(ana))
        assert [(i.task.number, i.section) for i in page.items] == [
            (1, Section.ANSWER), (5, Section.ANSWER), (7, Section.ANSWER), (2, Section.COMMITTED), (3, Section.OWN),
            (4, Section.RECURRING), (6, Section.WAITING)]
        assert page.by_section == {Section.ANSWER: 3, Section.COMMITTED: 1, Section.OWN: 1, Section.RECURRING: 1,
                                   Section.WAITING: 1}


def test_filters_and_privacy_apply_to_the_page_and_the_totals(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        bo, cy = add_person(uow, workspace, "Bo"), add_person(uow, workspace, "Cy")
        add_task(uow, bo, bo, priority=Priority.HIGH, labels=("design",))
        add_task(uow, bo, bo, priority=Priority.HIGH, visibility=Visibility.PRIVATE)
        add_task(uow, bo, bo, labels=("design", "q3"))
        about_bo = replace(_query(cy), subject_id=bo.id or 0)
        assert _numbers([uow.tasks.work_page(about_bo)]) == [1, 3]
        assert uow.tasks.work_page(about_bo).total == 2
        assert _numbers([uow.tasks.work_page(replace(about_bo, priorities=(Priority.HIGH,)))]) == [1]
        assert _numbers([uow.tasks.work_page(replace(about_bo, labels=("design", "q3")))]) == [3]
        assert uow.tasks.work_page(replace(about_bo, labels=("des",))).total == 0
        assert uow.tasks.work_page(replace(_query(bo), priorities=(Priority.HIGH,))).total == 2
