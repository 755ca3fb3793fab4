"""The weekly project digest: progress, slipped and upcoming commitments, unanswered requests."""
from __future__ import annotations

from datetime import datetime, timedelta

from core.i18n import _
from core.people import Person
from core.schedule.lines import digest_line, section
from core.schedule.wall import local_date
from core.tasks import Agreement, Status, Task

UPCOMING_DAYS = 7


def compose_project_digest(
    project_name: str, tasks: list[Task], people: dict[int, Person], now: datetime, tz: str,
    progress: tuple[int, int] | None = None,
) -> str | None:
    """The digest text for a project's channel, read in `tz`; None when the project has no open tasks.

    Progress is (done, counted) when given (e.g. from the project's status counts); otherwise it counts
    done tasks among all non-cancelled ones in `tasks`.
    """
    open_tasks = sorted((t for t in tasks if t.is_open), key=_due_order)
    if not open_tasks:
        return None
    counted_tasks = [t for t in tasks if t.status is not Status.CANCELLED]
    done, total = progress or (sum(1 for t in counted_tasks if t.status is Status.DONE), len(counted_tasks))
    horizon = local_date(now, tz) + timedelta(days=UPCOMING_DAYS)
    committed = [t for t in open_tasks if t.agreement is Agreement.COMMITTED and t.due is not None]
    slipped = [t for t in committed if t.is_overdue(now)]
    upcoming = [t for t in committed if not t.is_overdue(now) and t.due is not None and t.due.local_date(tz) <= horizon]
    unanswered = [t for t in open_tasks if t.agreement in (Agreement.REQUESTED, Agreement.PROPOSED)]
    summary = _("Progress: {done} of {total} done ({percent})", done=done, total=total, percent=_percent(done, total))
    parts = [_("Weekly digest · {project}", project=project_name) + "\n" + summary]
    for title, chosen in ((_("Slipped"), slipped), (_("Due in the next {n} days", n=UPCOMING_DAYS), upcoming),
                          (_("Waiting for an answer"), unanswered)):
        if chosen:
            parts.append(section(title, [digest_line(t, people, tz, now) for t in chosen]))
    return "\n\n".join(parts)


def _due_order(task: Task) -> tuple[bool, datetime]:
    return task.due is None, task.due.sort_key() if task.due else task.created_at


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"
