"""A person seen for the first time by two processes at once is created once, with one identity."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from core.identity import Identity, person_for, workspace_for
from core.people import Person, PersonDefaults
from storage.rows import IdentityRow, PersonRow
from storage.uow import SqlUnitOfWorkFactory

ANA = Identity(platform="slack", workspace_external_id="T1", workspace_name="Acme", user_external_id="U-ANA",
               display_name="Ana")


def _counts(uow_factory: SqlUnitOfWorkFactory) -> tuple[int, int]:
    with uow_factory() as uow:
        session = uow._open_session()
        return (session.scalar(select(func.count()).select_from(PersonRow)) or 0,
                session.scalar(select(func.count()).select_from(IdentityRow)) or 0)


def _workspace_id(uow_factory: SqlUnitOfWorkFactory) -> int:
    with uow_factory() as uow:
        workspace = workspace_for(uow, ANA, PersonDefaults())
        uow.commit()
    assert workspace.id is not None
    return workspace.id


def _ana(workspace_id: int) -> Person:
    return Person(workspace_id=workspace_id, display_name="Ana", handle="ana")


def test_a_sighting_that_lost_the_race_gets_the_winner(uow_factory: SqlUnitOfWorkFactory) -> None:
    workspace_id = _workspace_id(uow_factory)
    with uow_factory() as uow:
        winner = uow.people.add_or_get(_ana(workspace_id), "slack", "U-ANA")
        uow.commit()
    with uow_factory() as uow:  # read "nobody" before the winner committed, inserts after
        loser = uow.people.add_or_get(_ana(workspace_id), "slack", "U-ANA")
        uow.commit()
    assert winner.id is not None and loser.id == winner.id and loser.identities == {"slack": "U-ANA"}
    assert _counts(uow_factory) == (1, 1)


@pytest.mark.postgres
def test_a_sighting_waits_for_a_concurrent_one_and_takes_its_person(postgres_url: str) -> None:
    from storage.database import make_engine
    from storage.migrate import upgrade

    engine = make_engine(postgres_url)
    upgrade(engine)
    factory = SqlUnitOfWorkFactory(engine)
    workspace_id = _workspace_id(factory)
    with factory() as first, ThreadPoolExecutor(1) as pool:
        assert first.people.by_identity(workspace_id, "slack", "U-ANA") is None
        mine = first.people.add_or_get(_ana(workspace_id), "slack", "U-ANA")

        def second_sighting() -> int | None:
            with factory() as second:
                theirs = second.people.add_or_get(_ana(workspace_id), "slack", "U-ANA")
                second.commit()
                return theirs.id

        theirs = pool.submit(second_sighting)  # blocks on the identity's unique key until `first` commits
        first.commit()
        assert theirs.result(timeout=30) == mine.id
    assert _counts(factory) == (1, 1)
    engine.dispose()


def test_two_threads_seeing_a_newcomer_at_once_create_one_person(uow_factory: SqlUnitOfWorkFactory) -> None:
    workspace_id = _workspace_id(uow_factory)
    start = threading.Barrier(4)

    def sight() -> int | None:
        start.wait(timeout=30)
        with uow_factory() as uow:
            workspace = uow.workspaces.get(workspace_id)
            assert workspace is not None
            person = person_for(uow, workspace, ANA, PersonDefaults())
            uow.commit()
            return person.id

    with ThreadPoolExecutor(4) as pool:
        ids = {future.result(timeout=60) for future in [pool.submit(sight) for _ in range(4)]}
    assert len(ids) == 1
    assert _counts(uow_factory) == (1, 1)
