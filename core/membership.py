"""Keeping conversations and their members current from what the adapters learn on their platform."""
from __future__ import annotations

from core.conversations import Conversation, ConversationFacts, MembershipChange
from core.people import Person, PersonDefaults, Workspace
from core.ports import TaskQuery, UnitOfWork
from core.tasks import Task


def record(uow: UnitOfWork, facts: ConversationFacts, defaults: PersonDefaults) -> Conversation:
    """Store what the platform says about a conversation; members replace the stored ones when read. A
    conversation Tandem can't read keeps no members, so its tasks are seen by their participants only."""
    workspace = uow.workspaces.by_external(facts.platform, facts.workspace_external_id) or uow.workspaces.add_or_get(
        Workspace(facts.platform, facts.workspace_external_id, facts.workspace_name or facts.workspace_external_id,
                  defaults.tz, defaults.holiday_country))
    conversation = uow.conversations.save(Conversation(workspace.id or 0, facts.external_id, facts.kind,
                                                       facts.readable, facts.archived))
    if facts.members is not None or not facts.readable:
        uow.conversations.set_members(conversation.id or 0, facts.members or ())
    return conversation


def apply(uow: UnitOfWork, change: MembershipChange) -> bool:
    """Someone joined or left, or the conversation was (un)archived; False when Tandem doesn't know it yet
    (it is read in full the first time someone acts there)."""
    workspace = uow.workspaces.by_external(change.platform, change.workspace_external_id)
    conversation = uow.conversations.get(workspace.id or 0, change.conversation) if workspace else None
    if conversation is None or conversation.id is None:
        return False
    if change.archived is not None:
        conversation.archived = change.archived
        uow.conversations.save(conversation)
    elif change.joined:
        uow.conversations.add_member(conversation.id, change.user)
    else:
        uow.conversations.remove_member(conversation.id, change.user)
    return True


def not_public(uow: UnitOfWork, platform: str, workspace_external_id: str) -> list[str]:
    """The external ids of a workspace's conversations whose members matter (all but public channels)."""
    workspace = uow.workspaces.by_external(platform, workspace_external_id)
    return [c.external_id for c in uow.conversations.not_public(workspace.id or 0)] if workspace else []


def everyone_there_sees(uow: UnitOfWork, task: Task, conversation: str, reader: Person) -> bool:
    """Whether every member of `conversation` may see `task` (so it may be shown there, e.g. as a fallback
    for someone whose DMs are closed). `reader` only names the workspace."""
    scope = TaskQuery(task.workspace_id, reader, number=task.number, open_only=False, limit=1, audience=conversation)
    return bool(uow.tasks.query(scope))
