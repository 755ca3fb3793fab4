"""The unit of work writes only what is committed."""

from __future__ import annotations

import pytest

from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import add_person, add_workspace


def test_leaving_without_commit_writes_nothing(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        add_person(uow, add_workspace(uow), "Ana")
    with uow_factory() as uow:
        assert uow.workspaces.by_external("slack", "T1") is None


def test_an_error_inside_the_block_rolls_back_and_propagates(uow_factory: SqlUnitOfWorkFactory) -> None:
    with pytest.raises(RuntimeError), uow_factory() as uow:
        add_workspace(uow)
        raise RuntimeError("boom")
    with uow_factory() as uow:
        assert uow.workspaces.by_external("slack", "T1") is None


def test_committed_work_stays_and_later_uncommitted_work_does_not(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow, "T1")
        uow.commit()
        workspace.name = "Changed"
        uow.workspaces.save(workspace)
        add_workspace(uow, "T2")
    with uow_factory() as uow:
        stored = uow.workspaces.by_external("slack", "T1")
        assert stored is not None and stored.name == "Team T1"
        assert uow.workspaces.by_external("slack", "T2") is None


def test_explicit_rollback_discards_work_so_far(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        add_workspace(uow, "T1")
        uow.rollback()
        add_workspace(uow, "T2")
        uow.commit()
    with uow_factory() as uow:
        assert uow.workspaces.by_external("slack", "T1") is None
        assert uow.workspaces.by_external("slack", "T2") is not None


def test_committing_outside_a_with_block_is_an_error(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    uow = sqlite_uow_factory()
    with pytest.raises(RuntimeError):
        uow.commit()


def test_a_unit_of_work_cannot_be_entered_twice_at_once(sqlite_uow_factory: SqlUnitOfWorkFactory) -> None:
    with sqlite_uow_factory() as uow, pytest.raises(RuntimeError):
        uow.__enter__()
