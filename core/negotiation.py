"""The due-date negotiation between requester and owner, as a small state machine on Task."""
from __future__ import annotations

from core.due import Due
from core.errors import Conflict
from core.i18n import _
from core.tasks import Agreement, Task
from core.wording import status_word


def opening_agreement(task: Task) -> Agreement:
    """A task one gives oneself is committed at once; one given to someone else is a request."""
    return Agreement.REQUESTED if task.is_request else Agreement.COMMITTED


def owner_accepts(task: Task, due: Due | None = None) -> None:
    """The owner commits to the requested date, or to `due` when the request named none."""
    _require_open(task)
    if task.agreement is Agreement.PROPOSED:
        raise Conflict(_("You proposed a new date for {ref}; the requester has to answer first.", ref=task.ref))
    if task.agreement is Agreement.COMMITTED and (due is None or task.due is not None):
        raise Conflict(_("{ref} is already agreed.", ref=task.ref))
    if task.due is None:
        task.due = due
    task.agreement = Agreement.COMMITTED


def owner_proposes(task: Task, due: Due) -> None:
    """The owner asks for another date; the current one stands until the requester agrees."""
    _require_open(task)
    task.proposed_due = due
    task.agreement = Agreement.PROPOSED


def owner_declines(task: Task) -> None:
    _require_open(task)
    if task.agreement is Agreement.DECLINED:
        raise Conflict(_("{ref} is already declined.", ref=task.ref))
    task.proposed_due = None
    task.agreement = Agreement.DECLINED


def requester_accepts(task: Task) -> Due:
    """The requester takes the proposed date: it becomes the agreed due date."""
    _require_open(task)
    if task.agreement is not Agreement.PROPOSED or task.proposed_due is None:
        raise Conflict(_("There is no proposed date on {ref} to accept.", ref=task.ref))
    task.due, task.proposed_due = task.proposed_due, None
    task.agreement = Agreement.COMMITTED
    return task.due


def requester_counters(task: Task, due: Due) -> None:
    """The requester answers a proposal with another date; the owner has to answer again."""
    _require_open(task)
    if task.agreement is not Agreement.PROPOSED:
        raise Conflict(_("{ref} has no proposal to counter. Change the date with /task due {ref} …", ref=task.ref))
    task.due, task.proposed_due = due, None
    task.agreement = Agreement.REQUESTED


def _require_open(task: Task) -> None:
    if not task.is_open:
        raise Conflict(_("{ref} is {status}. Reopen it first with /task reopen {ref}.", ref=task.ref,
                         status=status_word(task.status)))

