"""A person's work as one paged list: the sections it falls into, the filters that narrow it, and the page key."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from core.people import Person
from core.tasks import Priority, Task

PAGE = 20


class Section(StrEnum):
    """Where a task stands for the subject of a list. A task falls in the first of a list's sections it matches."""

    ANSWER = "answer"  # requests, counter-offers, declines and escalations waiting on the subject
    COMMITTED = "committed"  # what the subject promised someone else
    OWN = "own"  # the subject's own tasks (asked of themselves)
    RECURRING = "recurring"  # duties that repeat, owned by the subject or rotating through them
    WAITING = "waiting"  # what the subject asked of others
    MINE = "mine"  # everything the subject owns
    INBOX = "inbox"  # requests to the subject and counter-offers to them
    ASKED = "asked"  # everything the subject asked of others
    ANY = "any"  # every task the viewer may see


@dataclass(frozen=True)
class WorkKey:
    """Where a page ended, in the list's order: section, project group, deadline (None last), number."""

    section: int
    project: int
    deadline: datetime | None
    number: int

    def to_dict(self) -> dict[str, object]:
        return {"section": self.section, "project": self.project, "number": self.number,
                "deadline": self.deadline.isoformat() if self.deadline else None}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WorkKey:
        deadline = data.get("deadline")
        return cls(int(str(data["section"])), int(str(data["project"])),
                   datetime.fromisoformat(deadline) if isinstance(deadline, str) else None, int(str(data["number"])))


@dataclass(frozen=True)
class WorkQuery:
    """One page of a list, always through `viewer`'s permissions; the filters all apply together."""

    workspace_id: int
    viewer: Person
    subject_id: int
    sections: tuple[Section, ...]
    grouped: bool = True  # by project inside each section (else by deadline only)
    project_id: int | None = None
    labels: tuple[str, ...] = ()
    priorities: tuple[Priority, ...] = ()
    due_from: datetime | None = None  # due_deadline > due_from
    due_until: datetime | None = None  # due_deadline <= due_until
    done_since: datetime | None = None  # done (not cancelled) since then, instead of open
    open_only: bool = True  # False: closed tasks too (search)
    conversation: str | None = None
    text: str | None = None
    escalate_after: int = 2  # nudges after which an unanswered request goes back to the other side
    after: WorkKey | None = None
    limit: int = PAGE


@dataclass(frozen=True)
class WorkItem:
    task: Task
    section: Section
    key: WorkKey


@dataclass(frozen=True)
class WorkPage:
    """A page of items and the totals over the whole list: by section, and by (section, project id or None)."""

    items: list[WorkItem]
    by_section: dict[Section, int]
    by_project: dict[tuple[Section, int | None], int] = field(default_factory=dict)
    more: bool = False
    projects: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # id -> (name, goal name or None)

    @property
    def total(self) -> int:
        return sum(self.by_section.values())


@dataclass(frozen=True)
class ListCursor:
    """Where someone's last list stopped: the words that made it, the last key shown and how many were shown."""

    person_id: int
    words: str
    key: WorkKey
    shown: int
    at: datetime
