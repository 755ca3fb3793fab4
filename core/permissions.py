"""The permission policy, in one place: who may see and do what with a task."""
from __future__ import annotations

from enum import StrEnum

from core.errors import NotAllowed, NotFound
from core.people import Person
from core.tasks import Task, Visibility


class Act(StrEnum):
    SEE = "see"
    EDIT = "edit"  # complete, reopen, edit, due, assign, cancel
    COMMENT = "comment"
    WATCH = "watch"
    ANSWER = "answer"  # accept, propose or decline a request: the owner's part
    SETTLE = "settle"  # accept or counter a proposed date: the requester's part


def can(person: Person, act: Act, task: Task) -> bool:
    """Whether `person` may do `act` to `task`. Never true across workspaces."""
    if person.workspace_id != task.workspace_id or not _can_see(person, task):
        return False
    if act in (Act.SEE, Act.COMMENT, Act.WATCH):
        return True
    if act is Act.EDIT:
        return person.id in (task.owner_id, task.requester_id) or (person.is_admin and not person.is_limited)
    if act is Act.ANSWER:
        return person.id == task.owner_id
    return person.id == task.requester_id


def _can_see(person: Person, task: Task) -> bool:
    if person.id in task.participants():
        return True
    if person.is_limited:
        return False
    return task.visibility is Visibility.WORKSPACE


def require(person: Person, act: Act, task: Task) -> None:
    """Raise the right error when `person` may not do `act`; hide tasks they may not see."""
    if can(person, act, task):
        return
    if not can(person, Act.SEE, task):
        raise NotFound(f"I can't find {task.ref}. Check the number with /task list.")
    raise NotAllowed(_refusal(act, task))


def _refusal(act: Act, task: Task) -> str:
    if act is Act.ANSWER:
        return f"Only the owner of {task.ref} can accept, propose a date or decline it."
    if act is Act.SETTLE:
        return f"Only the person who asked for {task.ref} can accept or counter the proposed date."
    return f"Only the owner or the requester of {task.ref} (or an admin) can change it."
