"""Completing a parent whose subtasks are still open: ask what to do with them."""
from __future__ import annotations

from core.outcome import Action, Reply
from core.tasks import Task
from core.wording import count


def subtasks_question(task: Task, open_subtasks: list[Task], note: str) -> Reply:
    """Complete them too, keep them open, or leave everything as it is."""
    refs = ", ".join(t.ref for t in open_subtasks)
    said = f" {note}" if note else ""
    return Reply(
        f"{task.ref} {task.title} has {count(len(open_subtasks), 'open subtask')} ({refs}). "
        "Complete them too, keep them open, or cancel?",
        actions=(
            Action("done", "Complete them too", f"/task done {task.ref} --all{said}", "primary"),
            Action("done", "Keep them open", f"/task done {task.ref} --keep{said}"),
            Action("show", "Cancel", f"/task show {task.ref}"),
        ),
    )
