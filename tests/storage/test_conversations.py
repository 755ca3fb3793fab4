"""Conversations and their members in SQL: stored once per workspace and id, members replaced as a diff."""
from __future__ import annotations

from core.conversations import Conversation, ConversationKind
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import add_workspace


def test_a_conversation_is_stored_once_and_updated_in_place(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        first = uow.conversations.save(Conversation(workspace.id or 0, "G1", ConversationKind.PRIVATE))
        again = uow.conversations.save(Conversation(workspace.id or 0, "G1", ConversationKind.PRIVATE, archived=True))
        uow.commit()
    with uow_factory() as uow:
        found = uow.conversations.get(workspace.id or 0, "G1")
        assert found is not None and found.id == first.id == again.id and found.archived
        assert uow.conversations.get(workspace.id or 0, "G2") is None
        assert [c.external_id for c in uow.conversations.not_public(workspace.id or 0)] == ["G1"]


def test_members_are_replaced_joined_and_left_and_only_readable_conversations_count(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        room = uow.conversations.save(Conversation(workspace.id or 0, "G1", ConversationKind.PRIVATE))
        uow.conversations.set_members(room.id or 0, ["UA", "UB"])
        uow.conversations.set_members(room.id or 0, ["UB", "UC"])
        uow.conversations.add_member(room.id or 0, "UD")
        uow.conversations.add_member(room.id or 0, "UD")
        uow.conversations.remove_member(room.id or 0, "UB")
        uow.commit()
    with uow_factory() as uow:
        assert uow.conversations.members(room.id or 0) == {"UC", "UD"}
        assert uow.conversations.has_member(workspace.id or 0, "G1", ["UX", "UC"])
        assert not uow.conversations.has_member(workspace.id or 0, "G1", ["UA", "UB"])
        assert not uow.conversations.has_member(workspace.id or 0, "G1", [])
        uow.conversations.save(Conversation(workspace.id or 0, "G1", ConversationKind.PRIVATE, readable=False))
        assert not uow.conversations.has_member(workspace.id or 0, "G1", ["UC"])
