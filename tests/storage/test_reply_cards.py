"""Cards shown as replies keep their edit handle, expiry and uses; a use is spent in SQL and never goes below 0."""
from __future__ import annotations

from datetime import timedelta

from core.cards import PostedCard
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_a_reply_card_is_editable_until_it_expires_or_its_uses_are_spent(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        alice = add_person(uow, add_workspace(uow), "Alice")
        task = add_task(uow, alice)
        assert task.id is not None
        uow.cards.add(PostedCard(task.id, alice.id, "slack", "C1", "", NOW, handle="https://hooks.example/r/1",
                                 expires_at=NOW + timedelta(minutes=29), uses_left=2))
        uow.cards.add(PostedCard(task.id, alice.id, "slack", "D1", "1700000000.000001", NOW))
        uow.commit()
    with uow_factory() as uow:
        reply, posted = uow.cards.for_task(task.id)
        assert (reply.handle, reply.expires_at, reply.uses_left) == ("https://hooks.example/r/1",
                                                                      NOW + timedelta(minutes=29), 2)
        assert reply.editable(NOW) and not reply.editable(NOW + timedelta(minutes=29))
        assert posted.handle is None and posted.editable(NOW + timedelta(days=365))
        for _ in range(3):
            uow.cards.spend(reply.id or 0)
        uow.commit()
    with uow_factory() as uow:
        spent = uow.cards.for_task(task.id)[0]
    assert spent.uses_left == 0 and not spent.editable(NOW)
