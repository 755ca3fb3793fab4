"""How tasks, dates and people read in chat, in the reader's own time zone."""
from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.due import Due
from core.i18n import N_, _, joined
from core.i18n_dates import day_text, instant_text
from core.language.effort import estimate_words
from core.outcome import Card
from core.people import Person
from core.repeat_words import repeat_words
from core.tasks import Agreement, Priority, Status, Task


def when(due: Due | None, tz: str, now: datetime | None = None) -> str:
    """"Fri 30 Oct" for a date, "Fri 30 Oct 15:00" for an instant seen from `tz`; the year, before the time,
    when it is not this year (as `tz` sees now). In the reader's language."""
    if due is None:
        return _("no due date yet")
    this_year = now.astimezone(ZoneInfo(tz)).year if now is not None else None
    if due.on is not None:
        return day_text(due.on, with_year=this_year is not None and due.on.year != this_year)
    assert due.at is not None
    local = due.at.astimezone(ZoneInfo(tz))
    return instant_text(due.at, tz, with_year=this_year is not None and local.year != this_year)


DUE_MARK = re.compile(r"\{due:(?:(?P<at>\d{4}-\d{2}-\d{2}T[0-9:.+\-]+)|(?P<on>\d{4}-\d{2}-\d{2}))\|(?P<tz>[^}]*)\}")


def logged(due: Due | None) -> str:
    """A date for the history, kept exact so each reader sees it in their own zone (see `history_text`)."""
    if due is None:
        return "no due date yet"
    if due.on is not None:
        return f"{{due:{due.on.isoformat()}|{due.tz}}}"
    assert due.at is not None
    return f"{{due:{due.at.isoformat()}|{due.tz}}}"


def history_text(detail: str, tz: str, now: datetime | None = None) -> str:
    """A history line's detail with every logged date shown as `tz` sees it."""
    def shown(found: re.Match[str]) -> str:
        zone = found["tz"] or tz
        if found["on"]:
            return when(Due.date_(date.fromisoformat(found["on"]), zone), tz, now)
        return when(Due.instant(datetime.fromisoformat(found["at"]), zone), tz, now)
    return DUE_MARK.sub(shown, detail)


def count(number: int, thing: str, things: str | None = None) -> str:
    """"1 commitment", "2 commitments": the number with the word in its right form."""
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def due_phrase(due: Due | None, tz: str, now: datetime | None = None) -> str:
    """"due Fri 30 Oct", or "no due date yet"."""
    return _("due {date}", date=when(due, tz, now)) if due is not None else _("no due date yet")


def at(instant: datetime, tz: str, now: datetime | None = None) -> str:
    """An instant as "Fri 27 Mar 12:30" in `tz`."""
    return when(Due.instant(instant, tz), tz, now)


def due_for_both(due: Due | None, owner: Person, requester: Person, now: datetime | None = None) -> str:
    """The due date in the owner's zone, and in the requester's when the clock reads differently."""
    mine = when(due, owner.tz, now)
    if due is None or due.is_date or owner.tz == requester.tz:
        return mine
    theirs = when(due, requester.tz, now)
    if theirs == mine:
        return mine
    return _("{mine} ({zone}) · {theirs} for {requester}", mine=mine, zone=owner.tz, theirs=theirs,
             requester=requester.mention)


STATUS_WORDS = {Status.OPEN: N_("open"), Status.IN_PROGRESS: N_("in progress"), Status.BLOCKED: N_("blocked"),
                Status.DONE: N_("done"), Status.CANCELLED: N_("cancelled")}
PRIORITY_WORDS = {Priority.URGENT: N_("urgent"), Priority.HIGH: N_("high"), Priority.NORMAL: N_("normal"),
                  Priority.LOW: N_("low")}
AGREEMENT_WORDS = {Agreement.REQUESTED: N_("waiting for an answer"), Agreement.PROPOSED: N_("new date proposed"),
                   Agreement.DECLINED: N_("declined")}


def status_word(status: Status) -> str:
    """"open", "in progress", … in the reader's language."""
    return _(STATUS_WORDS[status]) if status in STATUS_WORDS else str(status)


def priority_word(priority: Priority) -> str:
    return _(PRIORITY_WORDS[priority]) if priority in PRIORITY_WORDS else str(priority)


def state_of(task: Task) -> str:
    """Status and negotiation state in a few words."""
    if task.status.is_closed or not task.is_request:
        return status_word(task.status)
    if task.agreement is Agreement.COMMITTED:
        return _("committed") if task.status.value == "open" else status_word(task.status)
    return _(AGREEMENT_WORDS[task.agreement])


def task_line(task: Task, people: dict[int, Person], reader: Person, now: datetime | None = None) -> str:
    """One line per task, for lists: "T-3 Send the report · @bob · due Fri 30 Oct · committed"."""
    owner = people.get(task.owner_id)
    parts = [f"{task.ref} {task.title}", owner.mention if owner else "?"]
    if task.due:
        parts.append(due_phrase(task.due, reader.tz, now))
    parts.append(state_of(task))
    if task.priority in (Priority.URGENT, Priority.HIGH):
        parts.append(f"!{task.priority}")
    return joined(parts, " · ")


def task_card(task: Task, people: dict[int, Person], reader: Person, now: datetime | None = None,
              project: str | None = None) -> Card:
    """The task as a card: its title (the reference rides separately) plus the fields a person needs to decide."""
    owner, requester = people[task.owner_id], people[task.requester_id]
    fields: list[tuple[str, str]] = [(_("Owner"), owner.mention)]
    if task.is_request:
        fields.append((_("Asked by"), requester.mention))
    fields.append((_("Due"), due_for_both(task.due, owner, requester, now) if reader.id == owner.id
                   else when(task.due, reader.tz, now)))
    if task.proposed_due is not None:
        fields.append((_("Proposed"), when(task.proposed_due, reader.tz, now)))
    fields.append((_("State"), state_of(task)))
    fields.append((_("Project"), f"#{project}" if project else _("none")))
    if task.priority is not Priority.NORMAL:
        fields.append((_("Priority"), priority_word(task.priority)))
    if task.recurrence:
        fields.append((_("Repeats"), repeat_words(task.recurrence, task.due, reader.tz)))
    if task.labels:
        fields.append((_("Labels"), " ".join(f"+{label}" for label in task.labels)))
    if task.effort_minutes:
        fields.append((_("Effort"), estimate_words(task.effort_minutes)))
    return Card(heading=task.title, fields=tuple(fields), ref=task.ref)
