"""The result of reading a request: who, what, when, how often, how urgent, where."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.due import Due


@dataclass(frozen=True)
class Reading:
    """A request as understood; `recurrence` is an RFC 5545 RRULE body without "RRULE:".

    `unread` holds words that look like a date but could not be one ("April 31", "3/4"); they stay in
    the title, and the reply names them.
    """

    title: str
    assignees: tuple[str, ...] = ()
    due: Due | None = None
    recurrence: str | None = None
    priority: str | None = None
    project: str | None = None
    labels: tuple[str, ...] = ()
    is_request: bool = True
    unread: tuple[str, ...] = ()
    effort_minutes: int | None = None  # the work estimated ("~2h"), in minutes

    def to_wire(self, id: str) -> dict[str, Any]:
        """The JSON object `tandem parse --batch` writes for this reading."""
        return {
            "id": id,
            "title": self.title,
            "assignees": list(self.assignees),
            "due": self.due.wire() if self.due else None,
            "due_kind": self.due.kind if self.due else None,
            "recurrence": self.recurrence,
            "priority": self.priority,
            "project": self.project,
            "labels": list(self.labels),
            "unread": list(self.unread),
        }
