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


def test_a_closed_draft_keeps_its_number_and_the_next_draft_gets_a_new_one(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        assert ana.id is not None
        draft = uow.drafts.add(Draft(workspace_id=ana.workspace_id, author_id=ana.id, text="x", said_at=NOW))
        draft.closed_at = NOW
        uow.drafts.save(draft)
        uow.commit()
    with uow_factory() as uow:
        closed = uow.drafts.get(draft.id or 0)
        assert closed is not None and not closed.is_open
        after = uow.drafts.add(Draft(workspace_id=ana.workspace_id, author_id=ana.id, text="y", said_at=NOW))
        assert (after.id or 0) > (draft.id or 0)
