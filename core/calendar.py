"""Calendar feeds: secret tokens (kept only as a hash) and the entries of a person's feed, all through the
visibility filter."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from core.i18n import _
from core.people import Person
from core.ports import TaskQuery, UnitOfWork
from core.tasks import Agreement, Task

FEED_LIMIT = 1000  # a calendar app re-reads the whole feed every few hours: keep it bounded


def new_token() -> str:
    """A long random token (256 bits), safe in a URL."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What is stored: the SHA-256 of the token, in hex. A token is random, so no salt is needed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def looks_like_token(token: str) -> bool:
    """Whether `token` could be one we made (43 URL-safe characters), checked before any database work."""
    return len(token) == 43 and all(ch.isalnum() or ch in "-_" for ch in token)


@dataclass(frozen=True)
class CalendarEntry:
    """One event of a feed: an all-day `day` or an exact `at` (aware UTC)."""

    task_id: int
    summary: str
    day: date | None = None
    at: datetime | None = None
    notes: str = ""
    updated_at: datetime | None = None


def entries_for(uow: UnitOfWork, person: Person) -> list[CalendarEntry]:
    """`person`'s dated open work they may see: what they own (not what they declined), then what they asked of
    others; each task once. The markers are in the reader's language (the caller says whose: `speaking_to`)."""
    owned = _dated(uow, TaskQuery(person.workspace_id, person, owner_id=person.id, limit=FEED_LIMIT))
    asked = _dated(uow, TaskQuery(person.workspace_id, person, requester_id=person.id,
                                  exclude_owner_id=person.id, limit=FEED_LIMIT))
    owners = uow.people.many({task.owner_id for task in asked})
    entries = [_entry(task, _own_summary(task)) for task in owned if task.agreement is not Agreement.DECLINED]
    for task in asked:
        owner = owners.get(task.owner_id)
        name = f"@{owner.handle}" if owner is not None else _("someone")
        entries.append(_entry(task, _("{ref} {title} (waiting on {name})", ref=task.ref, title=task.title,
                                      name=name)))
    return entries


def _own_summary(task: Task) -> str:
    """The event's title: the task, and whether its date is still being agreed."""
    if task.is_request and task.agreement is Agreement.REQUESTED:
        return _("{ref} {title} (asked of you, not answered yet)", ref=task.ref, title=task.title)
    if task.is_request and task.agreement is Agreement.PROPOSED:
        return _("{ref} {title} (date under discussion)", ref=task.ref, title=task.title)
    return f"{task.ref} {task.title}"


def _dated(uow: UnitOfWork, query: TaskQuery) -> list[Task]:
    return [task for task in uow.tasks.query(query) if task.due is not None]


def _entry(task: Task, summary: str) -> CalendarEntry:
    assert task.due is not None
    return CalendarEntry(task.id or 0, summary, day=task.due.on, at=task.due.at, notes=task.notes,
                         updated_at=task.updated_at)
