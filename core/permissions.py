"""The permission policy, in one place: who may see and do what with a task or a project."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.errors import NotAllowed, NotFound
from core.i18n import _
from core.people import Person
from core.projects import Project
from core.tasks import Task, Visibility


class Act(StrEnum):
    SEE = "see"
    EDIT = "edit"  # complete, reopen, edit, due, assign, cancel
    COMMENT = "comment"
    WATCH = "watch"
    ANSWER = "answer"  # accept, propose or decline a request: the owner's part
    SETTLE = "settle"  # accept or counter a proposed date: the requester's part
    SHARE = "share"  # widen or narrow who sees the task: the requester, or an admin who sees it


@dataclass(frozen=True)
class Reach:
    """What storage knows of the reader and the task's surroundings: whether the reader is in the conversation
    the task was asked in, and whether the task's project (if any) lets them see its tasks."""

    in_conversation: bool = False
    sees_project: bool = True


def can(person: Person, act: Act, task: Task, reach: Reach = Reach()) -> bool:
    """Whether `person` may do `act` to `task`. Never true across workspaces."""
    if person.workspace_id != task.workspace_id or not sees_task(person, task, reach):
        return False
    if act in (Act.SEE, Act.COMMENT, Act.WATCH):
        return True
    if act is Act.EDIT:
        return person.id in (task.owner_id, task.requester_id) or (person.is_admin and not person.is_limited)
    if act is Act.SHARE:
        return person.id == task.requester_id or (person.is_admin and not person.is_limited)
    if act is Act.ANSWER:
        return person.id == task.owner_id
    return person.id == task.requester_id


def sees_task(person: Person, task: Task, reach: Reach) -> bool:
    """Participants always; guests and external people only then; others by the conversation and project rules."""
    if person.id in task.participants():
        return True
    if person.is_limited or task.visibility is Visibility.PRIVATE or not reach.sees_project:
        return False
    return task.visibility is Visibility.WORKSPACE or reach.in_conversation


def sees_project(person: Person, project: Project) -> bool:
    """Members always; guests and external people only then; others unless the project is private."""
    if person.id in project.members:
        return True
    return person.workspace_id == project.workspace_id and not person.is_limited and not project.private


def require(person: Person, act: Act, task: Task, reach: Reach = Reach()) -> None:
    """Raise the right error when `person` may not do `act`; hide tasks they may not see."""
    if can(person, act, task, reach):
        return
    if not can(person, Act.SEE, task, reach):
        raise not_found(task.number)
    raise NotAllowed(_refusal(act, task))


def not_found(number: int) -> NotFound:
    """The one answer for a task that doesn't exist and a task the reader may not see."""
    return NotFound(_("I can't find T-{number}. Check the number with /task list.", number=number))


def no_project(name: str) -> NotFound:
    """The one answer for a project that doesn't exist and a project the reader may not see."""
    return NotFound(_("I can't find a project #{name}. See yours with /task project list.", name=name))



def _refusal(act: Act, task: Task) -> str:
    if act is Act.ANSWER:
        return _("Only the owner of {ref} can accept, propose a date or decline it.", ref=task.ref)
    if act is Act.SETTLE:
        return _("Only the person who asked for {ref} can accept or counter the proposed date.", ref=task.ref)
    if act is Act.SHARE:
        return _("Only the person who asked for {ref} (or an admin) can change who sees it.", ref=task.ref)
    return _("Only the owner or the requester of {ref} (or an admin) can change it.", ref=task.ref)

