"""Conversations and their members in SQL."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from core.conversations import Conversation, ConversationKind
from storage.repositories.insert_once import insert_once
from storage.rows import ConversationMemberRow, ConversationRow


class SqlConversationRepository:
    """Stores Conversation dataclasses as ConversationRow, members as ConversationMemberRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, workspace_id: int, external_id: str) -> Conversation | None:
        row = self._row(workspace_id, external_id)
        return _to_conversation(row) if row else None

    def save(self, conversation: Conversation) -> Conversation:
        row = self._row(conversation.workspace_id, conversation.external_id)
        if row is None:
            row = ConversationRow(workspace_id=conversation.workspace_id, external_id=conversation.external_id)
            self._session.add(row)
        row.kind, row.readable = conversation.kind.value, conversation.readable
        row.archived = conversation.archived
        self._session.flush()
        conversation.id = row.id
        return conversation

    def members(self, conversation_id: int) -> set[str]:
        found = self._session.scalars(
            select(ConversationMemberRow.user).where(ConversationMemberRow.conversation_id == conversation_id))
        return set(found)

    def set_members(self, conversation_id: int, users: Iterable[str]) -> None:
        wanted, current = set(users), self.members(conversation_id)
        if gone := current - wanted:
            self._session.execute(delete(ConversationMemberRow).where(
                ConversationMemberRow.conversation_id == conversation_id, ConversationMemberRow.user.in_(gone)))
        for user in sorted(wanted - current):
            self.add_member(conversation_id, user)

    def add_member(self, conversation_id: int, user: str) -> None:
        values = {"conversation_id": conversation_id, "user": user}
        self._session.execute(insert_once(self._session, ConversationMemberRow, values, ["conversation_id", "user"]))

    def remove_member(self, conversation_id: int, user: str) -> None:
        self._session.execute(delete(ConversationMemberRow).where(
            ConversationMemberRow.conversation_id == conversation_id, ConversationMemberRow.user == user))

    def has_member(self, workspace_id: int, external_id: str, users: Iterable[str]) -> bool:
        wanted = list(users)
        if not wanted:
            return False
        statement = select(exists().where(
            ConversationRow.workspace_id == workspace_id, ConversationRow.external_id == external_id,
            ConversationRow.readable, ConversationMemberRow.conversation_id == ConversationRow.id,
            ConversationMemberRow.user.in_(wanted)))
        return bool(self._session.scalar(statement))

    def not_public(self, workspace_id: int) -> list[Conversation]:
        rows = self._session.scalars(select(ConversationRow).where(
            ConversationRow.workspace_id == workspace_id, ConversationRow.kind != ConversationKind.PUBLIC.value))
        return [_to_conversation(row) for row in rows]

    def _row(self, workspace_id: int, external_id: str) -> ConversationRow | None:
        return self._session.scalars(select(ConversationRow).where(
            ConversationRow.workspace_id == workspace_id, ConversationRow.external_id == external_id)).one_or_none()


def _to_conversation(row: ConversationRow) -> Conversation:
    return Conversation(row.workspace_id, row.external_id, ConversationKind(row.kind), row.readable, row.archived,
                        row.id)
