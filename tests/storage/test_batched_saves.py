"""The scheduler's fast paths: saves reuse the rows a unit of work loaded, and the outbox inserts in batches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import NoResultFound

from core.outbox import OutboxEntry
from core.people import Person
from core.tasks import Task
from storage.repositories.task_rows import PLAIN_TASK_INIT, plain_init
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def entry(workspace_id: int, key: str) -> OutboxEntry:
    return OutboxEntry(workspace_id=workspace_id, kind="digest", payload={"text": key, "refs": [1]},
                       dedupe_key=key, created_at=NOW, not_before=NOW)


class Statements:
    """The SQL statements the engine runs while counting is on."""

    def __init__(self, engine: Engine) -> None:
        self.seen: list[str] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: object, cursor: object, statement: str, *rest: object) -> None:
        self.seen.append(statement.split()[0].upper())


def test_saving_claimed_tasks_reads_neither_rows_nor_unchanged_watchers(
        uow_factory: SqlUnitOfWorkFactory, engine: Engine) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert bo.id is not None
        for _ in range(3):
            add_task(uow, ana, ana, watchers={bo.id}, next_reminder_at=NOW)
        uow.commit()
    statements = Statements(engine)
    with uow_factory() as uow:
        tasks = uow.tasks.claim_due_reminders(NOW, 10)
        statements.seen.clear()
        for task in tasks:
            task.next_reminder_at = NOW + timedelta(hours=1)
            uow.tasks.save(task)
        assert statements.seen == []  # no read, no flush: the UPDATEs go out together at the commit
        uow.commit()
        assert "SELECT" not in statements.seen
    with uow_factory() as uow:
        assert uow.tasks.claim_due_reminders(NOW, 10) == []
        again = uow.tasks.claim_due_reminders(NOW + timedelta(hours=1), 10)
        assert [t.watchers for t in again] == [{bo.id}] * 3


def test_changed_watchers_are_still_saved(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo, cy = (add_person(uow, workspace, name) for name in ("Ana", "Bo", "Cy"))
        assert bo.id is not None and cy.id is not None
        task = add_task(uow, ana, watchers={bo.id})
        uow.commit()
    with uow_factory() as uow:
        loaded = uow.tasks.get(task.workspace_id, task.number)
        assert loaded is not None
        loaded.watchers = {cy.id}
        uow.tasks.save(loaded)
        loaded.watchers.add(bo.id)  # changed in place after a save
        uow.tasks.save(loaded)
        uow.commit()
    with uow_factory() as uow:
        assert (again := uow.tasks.get(task.workspace_id, task.number)) is not None
        assert again.watchers == {bo.id, cy.id}


def test_a_rollback_forgets_what_was_loaded(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert bo.id is not None
        task = add_task(uow, ana)
        uow.commit()
        fresh = add_task(uow, ana)
        loaded = uow.tasks.get(task.workspace_id, task.number)
        assert loaded is not None
        loaded.watchers = {bo.id}
        uow.tasks.save(loaded)
        uow.rollback()
        with pytest.raises(NoResultFound):
            uow.tasks.save(fresh)  # its row was never committed
        loaded.title = "renamed"
        uow.tasks.save(loaded)  # the watcher rolled back must be added again
        uow.commit()
    with uow_factory() as uow:
        assert (again := uow.tasks.get(task.workspace_id, task.number)) is not None
        assert (again.title, again.watchers) == ("renamed", {bo.id})


def test_people_saves_and_many_see_the_same_state(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana", digest_time=NOW.time(), next_digest_at=NOW)
        bo = add_person(uow, workspace, "Bo")
        assert ana.id is not None and bo.id is not None
        uow.people.link_identity(bo, "slack", "U2")
        uow.commit()
    with uow_factory() as uow:
        [claimed] = uow.people.claim_due_digests(NOW, 10)
        claimed.next_digest_at = NOW + timedelta(days=1)
        claimed.last_digest_at = NOW
        uow.people.save(claimed)
        found = uow.people.many([ana.id, bo.id, 12345])
        assert found == {ana.id: claimed, bo.id: bo}
        assert found[bo.id].identities == {"slack": "U2"}
        uow.commit()
    with uow_factory() as uow:
        assert uow.people.get(ana.id) == claimed


def test_many_reads_more_people_than_one_statement_binds(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        people = [Person(workspace_id=workspace.id or 0, display_name=f"P{i}", handle=f"p{i}") for i in range(950)]
        for person in people:
            uow.people.add(person)
        uow.people.link_identity(people[-1], "slack", "ULAST")
        uow.commit()
    with uow_factory() as uow:
        found = uow.people.many(p.id or 0 for p in people)
        assert found == {p.id: p for p in people}
        assert found[people[-1].id or 0].identities == {"slack": "ULAST"}


def test_add_many_stores_new_entries_and_skips_duplicates(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        first = entry(workspace.id, "a")
        assert uow.delivery.add(first) is True and first.id is not None
        assert uow.delivery.add(entry(workspace.id, "a")) is False
        batch = [entry(workspace.id, key) for key in ("a", "b", "c", "b")]
        assert uow.delivery.add_many(batch) == 2
        assert batch[0].id is None and batch[3].id is None
        assert batch[1].id is not None and batch[2].id is not None and batch[1].id != batch[2].id
        assert uow.delivery.add_many([]) == 0
        uow.commit()
    with uow_factory() as uow:
        rows = uow._open_session().scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
        assert [(row.dedupe_key, row.payload) for row in rows] == [
            (key, {"text": key, "refs": [1]}) for key in ("a", "b", "c")
        ]
        assert [row.id for row in rows] == [first.id, batch[1].id, batch[2].id]


@dataclass
class _Plain:
    a: int


@dataclass(frozen=True)
class _Frozen:
    a: int


@dataclass
class _Checked:
    a: int

    def __post_init__(self) -> None:
        self.a = abs(self.a)


def test_tasks_are_built_without_their_constructor_only_while_it_just_stores_fields() -> None:
    assert PLAIN_TASK_INIT and plain_init(Task) and plain_init(_Plain)
    assert not plain_init(_Frozen) and not plain_init(_Checked) and not plain_init(int)


def test_saved_tasks_read_back_equal(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        task = add_task(uow, ana, labels=("x",), next_reminder_at=NOW)
        uow.commit()
    with uow_factory() as uow:
        [claimed] = uow.tasks.claim_due_reminders(NOW, 10)
        claimed.labels = ("x", "y")
        claimed.nudges = 2
        claimed.next_reminder_at = None
        uow.tasks.save(claimed)
        uow.commit()
    with uow_factory() as uow:
        again = uow.tasks.get_by_id(task.id or 0)
        assert again == claimed
        material = uow.tasks.digest_material([ana], NOW)
        assert material[ana.id or 0].owned == [claimed]
