"""Conversations (channels, threads, DMs) and who is in them: where work was asked decides who sees it."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ConversationKind(StrEnum):
    PUBLIC = "public channel"
    PRIVATE = "private channel"
    THREAD = "private thread"
    GROUP = "group dm"
    DM = "dm"

    @property
    def is_public(self) -> bool:
        return self is ConversationKind.PUBLIC


@dataclass
class Conversation:
    """A platform conversation Tandem knows about. `readable` is False when the bot can't list its members
    (a private Slack channel it was not invited to): its tasks are then participants-only."""

    workspace_id: int
    external_id: str
    kind: ConversationKind
    readable: bool = True
    archived: bool = False
    id: int | None = None


@dataclass(frozen=True)
class ConversationFacts:
    """What an adapter learned from its platform about one conversation. `members` are platform user ids;
    None means "not read this time" (the stored members stay)."""

    platform: str
    workspace_external_id: str
    workspace_name: str
    external_id: str
    kind: ConversationKind
    readable: bool = True
    archived: bool = False
    members: frozenset[str] | None = None


@dataclass(frozen=True)
class MembershipChange:
    """Someone joined or left a conversation, or it was archived or unarchived (then `user` is empty)."""

    platform: str
    workspace_external_id: str
    conversation: str
    user: str = ""
    joined: bool = True
    archived: bool | None = None
