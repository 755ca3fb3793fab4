"""Drafts survive a round trip and can be forgotten."""

from __future__ import annotations

from datetime import timedelta

from core.drafts import Draft
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_workspace


def test_a_draft_round_trips_and_keeps_its_changes(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        assert ana.id is not None
        draft = uow.drafts.add(
            Draft(
                workspace_id=ana.workspace_id,
                author_id=ana.id,
                text="@bo send the report by friday",
                said_at=NOW,
                conversation="C1",
                message="17.01",
                link="https://chat/x",
            )
        )
        uow.commit()
    with uow_factory() as uow:
        assert draft.id is not None
        assert uow.drafts.get(draft.id) == draft
        draft.text = "@bo send the report by monday"
        draft.said_at = NOW + timedelta(minutes=2)
        uow.drafts.save(draft)
        uow.commit()
    with uow_factory() as uow:
        assert uow.drafts.get(draft.id) == draft


def test_a_deleted_draft_is_gone_and_deleting_again_is_harmless(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        assert ana.id is not None
        draft = uow.drafts.add(Draft(workspace_id=ana.workspace_id, author_id=ana.id, text="x", said_at=NOW))
        assert draft.id is not None
        uow.drafts.delete(draft.id)
        uow.drafts.delete(draft.id)
        assert uow.drafts.get(draft.id) is None
        uow.commit()
    with uow_factory() as uow:
        assert uow.drafts.get(draft.id) is None
