"""Digest text: one line per task and titled sections, in the reader's zone."""
from __future__ import annotations

from datetime import datetime

from core.i18n import _, joined
from core.people import Person
from core.tasks import Priority, Task
from core.wording import due_phrase, state_of

SHOWN_PER_SECTION = 20


def digest_line(task: Task, people: dict[int, Person], tz: str, now: datetime, state: str | None = None) -> str:
    """Like wording.task_line: "T-3 Send the report · @bob · due Fri 30 Oct · committed", with `state` if given."""
    owner = people.get(task.owner_id)
    parts = [f"{task.ref} {task.title}", owner.mention if owner else "?"]
    if task.due:
        parts.append(due_phrase(task.due, tz, now))
    parts.append(state or state_of(task))
    if task.priority in (Priority.URGENT, Priority.HIGH):
        parts.append(f"!{task.priority}")
    return joined(parts, " · ")


def section(title: str, lines: list[str]) -> str:
    """A heading with its count and bulleted lines; long sections end with "… and N more"."""
    shown = [f"• {line}" for line in lines[:SHOWN_PER_SECTION]]
    if len(lines) > SHOWN_PER_SECTION:
        shown.append(_("… and {n} more", n=len(lines) - SHOWN_PER_SECTION))
    return "\n".join([f"{title} ({len(lines)})", *shown])
