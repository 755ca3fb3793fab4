"""Tasks: the unit of work, with its owner, requester, due date and negotiation state."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from core.conversations import ConversationKind
from core.due import Due
from core.errors import InvalidInput
from core.i18n import _
from core.validation.text import shorten

TITLE_LIMIT = 200
NOTES_LIMIT = 4000


class Status(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (Status.DONE, Status.CANCELLED)


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class Agreement(StrEnum):
    """Where the due-date negotiation between requester and owner stands."""

    REQUESTED = "requested"  # waiting for the owner's answer
    PROPOSED = "proposed"  # the owner proposed another date; waiting for the requester
    COMMITTED = "committed"  # both agree on the due date
    DECLINED = "declined"  # the owner said no, with a reason


class Visibility(StrEnum):
    """Who besides the participants sees a task: the workspace's members, the members of the conversation
    it was asked in, or nobody (participants only)."""

    WORKSPACE = "workspace"
    CONVERSATION = "conversation"
    PRIVATE = "private"


class RepeatMode(StrEnum):
    """When a recurring task makes its next instance."""

    ON_DONE = "on done"  # when the current one is done
    ON_SCHEDULE = "on schedule"  # when the next date comes, done or not


@dataclass(frozen=True)
class Origin:
    """Where a task was asked for: the conversation (channel/thread) and a link to the message."""

    conversation: str
    message: str | None = None
    link: str | None = None
    kind: ConversationKind | None = None  # the conversation's kind when the task was made; None: unknown


@dataclass
class Task:
    """A piece of work one person owns, often asked for by another."""

    workspace_id: int
    number: int
    title: str
    requester_id: int
    owner_id: int
    created_at: datetime
    updated_at: datetime
    agreement: Agreement = Agreement.COMMITTED
    status: Status = Status.OPEN
    priority: Priority = Priority.NORMAL
    due: Due | None = None
    proposed_due: Due | None = None
    notes: str = ""
    watchers: set[int] = field(default_factory=set)
    project_id: int | None = None
    labels: tuple[str, ...] = ()
    parent_id: int | None = None
    origin: Origin | None = None
    visibility: Visibility = Visibility.WORKSPACE
    recurrence: str | None = None
    repeat_mode: RepeatMode = field(default_factory=lambda: RepeatMode.ON_DONE)
    rotation: tuple[int, ...] = ()
    completed_at: datetime | None = None
    next_reminder_at: datetime | None = None
    reminder_stage: str | None = None
    follow_up_at: datetime | None = None
    nudges: int = 0
    next_occurrence_at: datetime | None = None
    effort_minutes: int | None = None  # the owner's estimate of the work ("~2h")
    id: int | None = None

    @property
    def ref(self) -> str:
        return f"T-{self.number}"

    @property
    def is_request(self) -> bool:
        return self.requester_id != self.owner_id

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed

    def participants(self) -> set[int]:
        """Everyone with a part in the task: requester, owner and watchers."""
        return {self.requester_id, self.owner_id, *self.watchers}

    def is_overdue(self, now: datetime) -> bool:
        return self.is_open and self.due is not None and self.due.deadline() <= now


REF_PATTERN = re.compile(r"^(?:t-?|#)?(\d{1,9})$", re.IGNORECASE)


def parse_ref(text: str) -> int:
    """Read a task reference: "T-12", "t12", "#12" or "12" -> 12."""
    match = REF_PATTERN.match(text.strip())
    if not match:
        raise InvalidInput(_("'{text}' is not a task reference. Use the number Tandem gave it, e.g. T-12.",
                             text=shorten(text.strip())))
    return int(match.group(1))


def clean_title(title: str) -> str:
    """Validate a title: something to do, at most TITLE_LIMIT characters."""
    text = " ".join(title.split())
    if not text:
        raise InvalidInput(_("A task needs a title. Try: /task add Send the Q3 report by friday"))
    if len(text) > TITLE_LIMIT:
        raise InvalidInput(_("That title is {length} characters; the limit is {limit}. Keep the title short and put "
                             "details in a comment: /task comment T-1 …", length=len(text), limit=TITLE_LIMIT))

    return text
