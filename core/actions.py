"""The choices to offer a reader of a task: the buttons on a card, the hints in the console."""
from __future__ import annotations

from dataclasses import replace
from hashlib import sha256

from core.i18n import _
from core.outcome import Action
from core.tasks import Agreement, Task
from core.wording import when

VERSION_LENGTH = 8


def version_of(task: Task) -> str:
    """A short fingerprint of what a choice about the task depends on: who owns it, its dates, where it stands."""
    due = task.due.wire() if task.due else ""
    proposed = task.proposed_due.wire() if task.proposed_due else ""
    state = f"{task.status}|{task.agreement}|{task.owner_id}|{task.requester_id}|{due}|{proposed}"
    return sha256(state.encode()).hexdigest()[:VERSION_LENGTH]


def _versioned(task: Task, *actions: Action) -> tuple[Action, ...]:
    version = version_of(task)
    return tuple(replace(a, version=version) for a in actions)


def answer_actions(task: Task) -> tuple[Action, ...]:
    """What the owner of a request can do: take the asked date (if any), name their own, or say no."""
    own_date = Action("commit", _("Accept with my date"), f"/task accept {task.ref} <your date> [note]",
                      "default" if task.due else "primary")
    decline = Action("decline", _("Decline"), f"/task decline {task.ref} <reason>", "danger")
    if task.due is None:
        return _versioned(task, own_date, decline)
    return _versioned(task, Action("accept", _("Accept"), f"/task accept {task.ref}", "primary"), own_date, decline)


def settle_actions(task: Task, tz: str) -> tuple[Action, ...]:
    """What the requester can do with a proposed date."""
    label = _("Accept {date}", date=when(task.proposed_due, tz)) if task.proposed_due else _("Accept")
    return _versioned(
        task,
        Action("accept", label, f"/task accept {task.ref}", "primary"),
        Action("propose", _("Counter"), f"/task propose {task.ref} <date> [note]"),
    )


def work_actions(task: Task) -> tuple[Action, ...]:
    """What the owner of committed work can do with it."""
    return _versioned(
        task,
        Action("done", _("Done"), f"/task done {task.ref}", "primary"),
        Action("snooze", _("Snooze"), f"/task snooze {task.ref} <when>"),
        Action("propose", _("Propose date"), f"/task propose {task.ref} <date> [note]"),
    )


def actions_for(task: Task, reader_id: int | None, tz: str) -> tuple[Action, ...]:
    """The actions that make sense for this reader now."""
    if not task.is_open:
        return _versioned(task, Action("reopen", _("Reopen"), f"/task reopen {task.ref}")) if reader_id in (
            task.owner_id, task.requester_id) else ()
    if reader_id == task.owner_id and task.agreement in (Agreement.REQUESTED, Agreement.DECLINED):
        return answer_actions(task)
    if reader_id == task.requester_id and task.agreement is Agreement.PROPOSED:
        return settle_actions(task, tz)
    if reader_id == task.owner_id:
        return work_actions(task)
    return ()
