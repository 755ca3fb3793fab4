"""The weekly project digest: in the project's channel, only what everyone there may see; the full one to the
project's owner privately when the channel's had to leave something out (or the project has no channel)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from core.i18n import _, speaking_to
from core.outbox import entry_for
from core.outcome import Notice
from core.people import Person
from core.ports import TaskQuery, UnitOfWork
from core.projects import Project, ProjectStatus
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
            key = f"project-digest:{project.id}:{now.astimezone(ZoneInfo(tz)).date().isoformat()}"
            shown = 0
            with speaking_to(owner.lang if owner else None):  # the owner's language, in the channel too
                if project.channel:
                    # The channel is the reader: the viewer only names the workspace.
                    room = TaskQuery(project.workspace_id, owner or Person(project.workspace_id, "", "", id=0),
                                     project_id=project.id, limit=OPEN_TASKS_SHOWN, audience=project.channel)
                    status = _status(uow, room, project, now)
                    shown = status.total
                    _post(uow, project, room, status, now, tz,
                          Notice(0, "project digest", "", conversation=project.channel, dedupe_key=key))
                if owner is not None:
                    mine = TaskQuery(project.workspace_id, owner, project_id=project.id, limit=OPEN_TASKS_SHOWN)
                    status = _status(uow, mine, project, now)
                    if status.total > shown:
                        _post(uow, project, mine, status, now, tz,
                              Notice(owner.id or 0, "project digest", "", dedupe_key=f"{key}:owner"))
            project.next_digest_at = next_project_digest(tz, scheduler.policy.project_digest_day, now)
            uow.projects.save(project)
        uow.commit()
    return len(projects)


def _post(uow: UnitOfWork, project: Project, scope: TaskQuery, status: ProjectStatus, now: datetime, tz: str,
          notice: Notice) -> None:
    """Write the digest of what `scope` lets through as `notice` (nothing when no task is open)."""
    tasks = uow.tasks.query(scope)
    people = uow.people.many({p for t in tasks for p in (t.owner_id, t.requester_id)})
    counted = status.total - status.counts.get("cancelled", 0)
    text = compose_project_digest(project.name, tasks, people, now, tz, (status.counts.get("done", 0), counted))
    if text is not None:
        report = project_report(uow, project, now, tz)
        shown = replace(notice, text=f"{text}\n\n{_('Forecast')}\n{report.text}", chart=report.chart)
        uow.outbox.add(entry_for(shown, project.workspace_id, now))


def _status(uow: UnitOfWork, scope: TaskQuery, project: Project, now: datetime) -> ProjectStatus:
    return uow.tasks.project_status(scope, project, now, now + timedelta(days=7))
