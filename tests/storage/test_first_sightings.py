"""First sightings: a platform event or workspace seen twice (a retry, a race) is recorded once."""
from __future__ import annotations

from datetime import UTC, datetime

from storage.uow import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 26, 12, tzinfo=UTC)


def test_an_event_is_new_once_and_a_repeat_is_recognised(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.events.first_time("slack:event:Ev1", NOW)
        uow.commit()
    with uow_factory() as uow:
        assert not uow.events.first_time("slack:event:Ev1", NOW)
        assert uow.events.first_time("slack:event:Ev2", NOW)


def test_a_sighting_rolled_back_was_never_seen(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.events.first_time("slack:event:Ev9", NOW)
    with uow_factory() as uow:
        assert uow.events.first_time("slack:event:Ev9", NOW)


def test_two_first_sightings_of_a_workspace_share_one_row(uow_factory: SqlUnitOfWorkFactory) -> None:
    from core.people import Workspace

    with uow_factory() as uow:
        first = uow.workspaces.add_or_get(Workspace("slack", "T9", "Nine"))
        again = uow.workspaces.add_or_get(Workspace("slack", "T9", "Nine"))
        uow.commit()
    assert first.id is not None and first.id == again.id
