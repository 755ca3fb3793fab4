"""The morning digest: when it comes, which sections it has, and its text and buttons."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from core.i18n import N_, _
from core.i18n_dates import day_text
from core.outcome import Action, Notice
from core.people import Person
from core.ports import DigestMaterial
from core.report.text import kept_line
from core.schedule.lines import digest_line, section
from core.schedule.policy import HolidayCalendar
from core.schedule.project_digest import compose_project_digest
from core.schedule.reminders import reminder_actions
from core.schedule.wall import local_date, local_instant
from core.schedule.working_time import SEARCH_DAYS, is_holiday
from core.tasks import Agreement, Task
from core.wording import when

__all__ = ["compose_digest", "compose_project_digest", "digest_sections", "next_digest_at"]

OVERDUE, TODAY, WEEK = N_("Overdue"), N_("Due today"), N_("Due this week")
ASKED, WAITING, DONE = N_("Asked of you"), N_("You're waiting on"), N_("Done since your last digest")
MAX_ACTIONS = 15


def next_digest_at(person: Person, after: datetime, holidays: HolidayCalendar) -> datetime | None:
    """The next digest_time (local) strictly after `after`, on a digest weekday that is no holiday and not
    while away; None when the person turned digests off or no such day comes within a year."""
    if not person.digest_enabled:
        return None
    day = local_date(after, person.tz)
    for offset in range(SEARCH_DAYS + 1):
        candidate = day + timedelta(days=offset)
        if (candidate.weekday() not in person.digest_weekdays or is_holiday(person, candidate, holidays)
                or person.is_away(candidate)):
            continue
        instant = local_instant(candidate, person.digest_time, person.tz)
        if instant > after:
            return instant
    return None


def digest_sections(person: Person, material: DigestMaterial, now: datetime) -> dict[str, list[Task]]:
    """The digest's non-empty sections, in reading order, keyed by heading."""
    today = local_date(now, person.tz)
    owned = sorted((t for t in material.owned if t.is_open), key=_due_order)
    committed = [t for t in owned if t.agreement is Agreement.COMMITTED and t.due is not None]
    minute = now.replace(second=0, microsecond=0)  # due at the minute the digest is sent: not overdue yet
    overdue = [t for t in committed if t.due is not None and t.due.deadline() < minute]
    later = [t for t in committed if t not in overdue]
    sunday = today + timedelta(days=6 - today.weekday())  # "this week" is the calendar week, Monday to Sunday
    sections = {
        OVERDUE: overdue,
        TODAY: [t for t in later if _day(t, person) <= today],
        WEEK: [t for t in later if today < _day(t, person) <= sunday],
        ASKED: [t for t in owned if t.agreement is Agreement.REQUESTED],
        WAITING: sorted((t for t in material.requested if t.is_open and t.owner_id != person.id),
                        key=lambda t: (t.agreement is not Agreement.PROPOSED, *_due_order(t))),
        DONE: list(material.done_for_them),
    }
    return {title: tasks for title, tasks in sections.items() if tasks}


def compose_digest(person: Person, material: DigestMaterial, people: dict[int, Person], now: datetime,
                   kept: tuple[int, int] | None = None) -> Notice | None:
    """The person's digest as a notice, or None when there is nothing to tell (then no digest is sent).

    `kept` is (kept on time, came due) of their commitments over the last 30 days, shown as one line."""
    sections = digest_sections(person, material, now)
    if not sections:
        return None
    today = local_date(now, person.tz)
    parts = [_("Your digest for {day}", day=day_text(today))]
    if kept is not None and (line := kept_line(*kept)):
        parts[0] += "\n" + line
    for title, tasks in sections.items():
        parts.append(section(_(title), [_line(t, title, people, person, now) for t in tasks]))
    actionable = [*sections.get(OVERDUE, []), *sections.get(TODAY, [])]
    actions = tuple(_labelled(action, task) for task in actionable for action in reminder_actions(task))
    assert person.id is not None
    return Notice(recipient_id=person.id, kind="digest", text="\n\n".join(parts), actions=actions[:MAX_ACTIONS],
                  dedupe_key=f"digest:{person.id}:{today.isoformat()}")


def _line(task: Task, title: str, people: dict[int, Person], reader: Person, now: datetime) -> str:
    state = None
    if title == WAITING and task.agreement is Agreement.PROPOSED and task.proposed_due is not None:
        state = _("proposed {date}", date=when(task.proposed_due, reader.tz, now))
    elif title == DONE:
        state = _("done")
    return digest_line(task, people, reader.tz, now, state)


def _labelled(action: Action, task: Task) -> Action:
    return replace(action, label=_("{action} {ref}", action=action.label, ref=task.ref))


def _day(task: Task, person: Person) -> date:
    assert task.due is not None
    return task.due.local_date(person.tz)


def _due_order(task: Task) -> tuple[bool, datetime]:
    return task.due is None, task.due.sort_key() if task.due else task.created_at
