"""How a paged list reads: its title, the section and project headings with totals, and "N of M" with the way on."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from core.i18n import N_, _, joined
from core.people import Person
from core.repeat_words import repeat_words
from core.schedule.recurrence import next_due, next_owner
from core.tasks import Task
from core.wording import task_line, when
from core.work import Section, WorkPage

MORE = "/task list more"
YOURS = {Section.ANSWER: N_("Needs your answer"), Section.COMMITTED: N_("You committed to"),
         Section.OWN: N_("Your own tasks"), Section.RECURRING: N_("Your recurring duties"),
         Section.WAITING: N_("You're waiting on others")}
THEIRS = {Section.ANSWER: N_("Needs {name}'s answer"), Section.COMMITTED: N_("{name} committed to"),
          Section.OWN: N_("{name}'s own tasks"), Section.RECURRING: N_("{name}'s recurring duties"),
          Section.WAITING: N_("{name} is waiting on others")}


def section_title(section: Section, subject: Person, reader: Person) -> str:
    titles = YOURS if subject.id == reader.id else THEIRS
    if section not in titles:
        return ""
    return _(titles[section], name=subject.mention)


def project_title(names: tuple[str, str | None] | None, count: int) -> str:
    """"#launch · goal grow-revenue (4)", "#launch (4)", "No project (2)" from (project name, goal name)."""
    if names is None:
        return _("No project ({count})", count=count)
    project, goal = names
    if goal is None:
        return f"#{project} ({count})"
    return _("#{project} · goal {goal} ({count})", project=project, goal=goal, count=count)


def counts_line(page: WorkPage, subject: Person, reader: Person) -> str:
    """"Needs your answer 3 · You committed to 12 · …" over the whole list."""
    return " · ".join(f"{section_title(s, subject, reader)} {n}" for s, n in page.by_section.items() if n)


def range_line(title: str, first: int, last: int, total: int) -> str:
    """The list's first line: "Your work: 20 of 213", or "Your work: 21–40 of 213" further on."""
    if first <= 1:
        return _("{title}: {last} of {total}", title=title, last=last, total=total)
    return _("{title}: {first}–{last} of {total}", title=title, first=first, last=last, total=total)


def footer(last: int, total: int, more: bool, first: int) -> str:
    """How to see the rest, or that this was all of it; a list never stops without saying so."""
    if more:
        return _("{last} of {total} shown. More: {command}", last=last, total=total, command=MORE)
    if first > 1:
        return _("That is all {total}. /task list starts again from the top.", total=total)
    return ""


def empty(title: str) -> str:
    return _("{title}: nothing here.", title=title)


def no_cursor() -> str:
    return _("There is no list to continue. /task list shows your work from the top.")


def item_line(task: Task, people: dict[int, Person], reader: Person, now: datetime) -> str:
    """A task's line; a recurring duty also says how it repeats and its next round (and whose it is)."""
    line = task_line(task, people, reader, now)
    if not task.recurrence:
        return line
    parts = [line, _("repeats {rule}", rule=repeat_words(task.recurrence, task.due, reader.tz))]
    if task.due is not None:
        local_day = task.due.on or task.due.deadline().astimezone(ZoneInfo(task.due.tz)).date()
        following = next_due(task, local_day)
        if following is not None:
            nxt = people.get(next_owner(task, people, following.on or local_day))
            date = when(following, reader.tz, now)
            if nxt is not None and task.rotation:
                parts.append(_("next round {date}, {person}", date=date, person=nxt.mention))
            else:
                parts.append(_("next round {date}", date=date))
    return joined(parts, " · ")
