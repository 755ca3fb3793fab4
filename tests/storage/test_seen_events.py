"""Seen platform deliveries: the first sighting wins, every repeat is recognised."""
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
