"""The weekly project digest, posted to the project's channel (or its owner when it has none)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.outbox import entry_for
from core.outcome import Notice
from core.report.project_report import project_report
from core.schedule.digest import compose_project_digest
from core.schedule.plan import next_project_digest

if TYPE_CHECKING:
    from core.schedule.service import Scheduler

OPEN_TASKS_SHOWN = 200


def run_project_digests(scheduler: Scheduler, now: datetime) -> int:
    """Post every project digest that is due, and plan the next one a week on."""
    with scheduler.uow_factory() as uow:
        projects = uow.projects.claim_due_digests(now, scheduler.batch)
        for project in projects:
            owner = uow.people.get(project.owner_id) if project.owner_id else None
            tz = owner.tz if owner else "UTC"
            tasks = uow.tasks.project_tasks_open(project.id or 0, OPEN_TASKS_SHOWN)
            people = uow.people.many({p for t in tasks for p in (t.owner_id, t.requester_id)})
            status = uow.tasks.project_status(project, now, now + timedelta(days=7))
            counted = status.total - status.counts.get("cancelled", 0)
            text = compose_project_digest(project.name, tasks, people, now, tz, (status.counts.get("done", 0), counted))
            if text is not None and (project.channel or owner):
                report = project_report(uow, project, now, tz)
                notice = Notice((owner.id or 0) if owner and not project.channel else 0, "project digest",
                                f"{text}\n\nForecast\n{report.text}", conversation=project.channel, chart=report.chart,
                                dedupe_key=f"project-digest:{project.id}:{now.astimezone(ZoneInfo(tz)).date().isoformat()}")
                uow.outbox.add(entry_for(notice, project.workspace_id, now))
            project.next_digest_at = next_project_digest(tz, scheduler.policy.project_digest_day, now)
            uow.projects.save(project)
        uow.commit()
    return len(projects)
