"""Completing a parent whose subtasks are still open: ask what to do with them."""
from __future__ import annotations

from core.i18n import _, ngettext
from core.outcome import Action, Reply
from core.tasks import Task


def subtasks_question(task: Task, open_subtasks: list[Task], note: str) -> Reply:
    """Complete them too, keep them open, or leave everything as it is."""
    refs = ", ".join(t.ref for t in open_subtasks)
    said = f" {note}" if note else ""
    return Reply(
        ngettext("{ref} {title} has {n} open subtask ({refs}). Complete them too, keep them open, or cancel?",
                 "{ref} {title} has {n} open subtasks ({refs}). Complete them too, keep them open, or cancel?",
                 len(open_subtasks), ref=task.ref, title=task.title, refs=refs),
        actions=(
            Action("done", _("Complete them too"), f"/task done {task.ref} --all{said}", "primary"),
            Action("done", _("Keep them open"), f"/task done {task.ref} --keep{said}"),
            Action("show", _("Cancel"), f"/task show {task.ref}"),
        ),
    )
