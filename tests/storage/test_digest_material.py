"""Digest material comes for many people at once, in three queries, with each person's own boundary."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event

from core.due import Due
from core.people import Person
from core.ports import DigestMaterial
from core.tasks import Agreement, Origin, Priority, RepeatMode, Status, Visibility
from storage.repositories import task_digest
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace

HOUR = timedelta(hours=1)


def titles(material: DigestMaterial) -> tuple[list[str], list[str], list[str]]:
    return ([t.title for t in material.owned], [t.title for t in material.requested],
            [t.title for t in material.done_for_them])


@contextmanager
def counting_selects(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def seed(uow_factory: SqlUnitOfWorkFactory) -> list[Person]:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana", last_digest_at=NOW - 3 * HOUR)
        bo, cy = add_person(uow, workspace, "Bo"), add_person(uow, workspace, "Cy")
        dee = add_person(uow, add_workspace(uow, "T2"), "Dee")
        assert cy.id is not None
        later, sooner = Due.instant(NOW + 2 * HOUR, "UTC"), Due.instant(NOW + HOUR, "UTC")
        add_task(uow, ana, title="own undated", watchers={cy.id})
        add_task(uow, bo, ana, title="asked of ana", agreement=Agreement.REQUESTED, due=later)
        add_task(uow, ana, title="own soon", status=Status.BLOCKED, due=sooner)
        add_task(uow, ana, title="own done", status=Status.DONE, completed_at=NOW - HOUR)
        add_task(uow, ana, bo, title="asked of bo")
        add_task(uow, ana, bo, title="asked, cancelled", status=Status.CANCELLED, completed_at=NOW - HOUR)
        for title, hours, requester, owner in (("done 2h ago", 2, ana, bo), ("done 5h ago", 5, ana, bo),
                                               ("done 20h ago", 20, bo, ana), ("done 25h ago", 25, bo, ana)):
            add_task(uow, requester, owner, title=title, status=Status.DONE, completed_at=NOW - hours * HOUR)
        add_task(uow, dee, title="dee's")
        uow.commit()
        return [ana, bo, cy, dee]


def test_each_person_gets_owned_requested_and_done_since_their_last_digest(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine
) -> None:
    ana, bo, cy, dee = people = seed(uow_factory)
    assert ana.id and bo.id and cy.id and dee.id
    with uow_factory() as uow, counting_selects(engine) as selects:
        material = uow.tasks.digest_material(people, NOW)
    assert len(selects) == 3
    assert set(material) == {ana.id, bo.id, cy.id, dee.id}
    assert titles(material[ana.id]) == (["own soon", "asked of ana", "own undated"], ["asked of bo"],
                                        ["done 2h ago"])
    # Bo has never had a digest: "done for you" looks back one day.
    assert titles(material[bo.id]) == (["asked of bo"], ["asked of ana"], ["done 20h ago"])
    assert titles(material[cy.id]) == ([], [], [])
    assert titles(material[dee.id]) == (["dee's"], [], [])
    assert all(task.watchers == set() for task in material[ana.id].owned)


def test_the_tasks_come_back_whole_without_their_watchers(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert ana.id is not None and bo.id is not None
        parent = add_task(uow, ana)
        add_task(
            uow, ana, bo, notes="numbers", agreement=Agreement.PROPOSED, status=Status.IN_PROGRESS,
            priority=Priority.URGENT, due=Due.date_(date(2025, 3, 21), "Europe/Madrid"),
            proposed_due=Due.instant(datetime(2025, 3, 24, 15, 30, tzinfo=UTC), "America/New_York"),
            watchers={ana.id}, labels=("finance", "q3"), parent_id=parent.id,
            origin=Origin(conversation="C42", message="1700000000.0001", link="https://x/y"),
            visibility=Visibility.PRIVATE, recurrence="weekly on mon", repeat_mode=RepeatMode.ON_SCHEDULE,
            rotation=(bo.id, ana.id), next_reminder_at=NOW + HOUR, reminder_stage="due soon",
            follow_up_at=NOW + 2 * HOUR, nudges=3, next_occurrence_at=NOW + 3 * HOUR,
        )
        add_task(uow, ana, bo, title="finished", status=Status.DONE, completed_at=NOW - HOUR)
        uow.commit()
    with uow_factory() as uow:
        mine = uow.tasks.digest_material([ana], NOW)[ana.id]
        assert len(mine.requested) == len(mine.done_for_them) == 1
        for task in (*mine.owned, *mine.requested, *mine.done_for_them):
            assert task.id is not None
            stored = uow.tasks.get_by_id(task.id)
            assert stored is not None
            stored.watchers = set()
            assert stored == task
            proposed = task.proposed_due.at if task.proposed_due else None
            instants = (task.created_at, task.updated_at, task.next_reminder_at, task.completed_at, proposed)
            assert all(instant.tzinfo is UTC for instant in instants if instant)


def test_no_people_means_no_queries(uow_factory: SqlUnitOfWorkFactory, engine: Engine) -> None:
    with uow_factory() as uow, counting_selects(engine) as selects:
        assert uow.tasks.digest_material([], NOW) == {}
    assert selects == []


def test_many_people_are_fetched_in_chunks(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with uow_factory() as uow:
        workspaces = [add_workspace(uow, f"T{index}") for index in range(3)]
        people = [add_person(uow, workspaces[index % 3], f"P{index}") for index in range(20)]
        for person in people:
            add_task(uow, person, title=f"{person.display_name}'s")
        uow.commit()
    monkeypatch.setattr(task_digest, "CHUNK", 8)
    with uow_factory() as uow, counting_selects(engine) as selects:
        material = uow.tasks.digest_material(people, NOW)
    assert {pid: titles(m)[0] for pid, m in material.items()} == {
        p.id: [f"{p.display_name}'s"] for p in people
    }
    assert 3 * 3 <= len(selects) <= 3 * 5
