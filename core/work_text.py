"""How a paged list reads: its title, the section and project headings with totals, and "N of M" with the way on."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.people import Person
from core.repeat_words import repeat_words
from core.schedule.recurrence import next_due, next_owner
from core.tasks import Task
from core.wording import task_line, when
from core.work import Section, WorkPage

MORE = "/task list more"
YOURS = {Section.ANSWER: "Needs your answer", Section.COMMITTED: "You committed to",
         Section.OWN: "Your own tasks", Section.RECURRING: "Your recurring duties",
         Section.WAITING: "You're waiting on others"}
THEIRS = {Section.ANSWER: "Needs {name}'s answer", Section.COMMITTED: "{name} committed to",
          Section.OWN: "{name}'s own tasks", Section.RECURRING: "{name}'s recurring duties",
          Section.WAITING: "{name} is waiting on others"}
NO_PROJECT = "No project"


def section_title(section: Section, subject: Person, reader: Person) -> str:
    if subject.id == reader.id:
        return YOURS.get(section, "")
    return THEIRS.get(section, "").format(name=subject.mention)


def project_title(names: tuple[str, str | None] | None, count: int) -> str:
    """"#launch · goal grow-revenue (4)", "#launch (4)", "No project (2)" from (project name, goal name)."""
    if names is None:
        return f"{NO_PROJECT} ({count})"
    project, goal = names
    if goal is None:
        return f"#{project} ({count})"
    return f"#{project} · goal {goal} ({count})"


def counts_line(page: WorkPage, subject: Person, reader: Person) -> str:
    """"Needs your answer 3 · You committed to 12 · …" over the whole list."""
    return " · ".join(f"{section_title(s, subject, reader)} {n}" for s, n in page.by_section.items() if n)


def range_line(title: str, first: int, last: int, total: int) -> str:
    """The list's first line: "Your work: 20 of 213", or "Your work: 21–40 of 213" further on."""
    if first <= 1:
        return f"{title}: {last} of {total}"
    return f"{title}: {first}–{last} of {total}"


def footer(last: int, total: int, more: bool, first: int) -> str:
    """How to see the rest, or that this was all of it; a list never stops without saying so."""
    if more:
        return f"{last} of {total} shown. More: {MORE}"
    if first > 1:
        return f"That is all {total}. /task list starts again from the top."
    return ""


def empty(title: str) -> str:
    return f"{title}: nothing here."


def no_cursor() -> str:
    return "There is no list to continue. /task list shows your work from the top."


def item_line(task: Task, people: dict[int, Person], reader: Person, now: datetime) -> str:
    """A task's line; a recurring duty also says how it repeats and its next round (and whose it is)."""
    line = task_line(task, people, reader, now)
    if not task.recurrence:
        return line
    parts = [line, f"repeats {repeat_words(task.recurrence, task.due, reader.tz)}"]
    if task.due is not None:
        local_day = task.due.on or task.due.deadline().astimezone(ZoneInfo(task.due.tz)).date()
        following = next_due(task, local_day)
        if following is not None:
            nxt = people.get(next_owner(task, people, following.on or local_day))
            who = f", {nxt.mention}" if nxt is not None and task.rotation else ""
            parts.append(f"next round {when(following, reader.tz, now)}{who}")
    return " · ".join(parts)
