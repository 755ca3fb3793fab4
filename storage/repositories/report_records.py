"""Commitment records in SQL: kept on time, slips, answers to requests, open load."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from core.people import Person
from core.report.health import ANSWERS, RENEGOTIATIONS, Commitment, Request
from storage.repositories.report_sql import (
    CANCELLED,
    CHUNK,
    COMMITTED,
    DONE,
    IS_OPEN,
    aware,
    chunks,
    count_of,
    days_between,
    scope,
    seen_by,
)
from storage.rows import ActivityRow, TaskRow
from storage.types import UTCDateTime

OWNERS_LOOKED_UP = 3_000  # more owners than this: one pass over the window instead of a lookup per owner
OWNERS_PER_QUERY_POSTGRES = 200  # past ~300 ids PostgreSQL scans every task instead of using the owner index


class RecordQueries:
    """Per person or per project: what commitment health is made of."""

    _session: Session

    def commitments(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
                    owner_id: int | None = None, project_id: int | None = None) -> list[Commitment]:
        """Non-cancelled commitments whose date fell in (since, now]."""
        rows = self._session.execute(
            select(TaskRow.owner_id, TaskRow.due_deadline, TaskRow.completed_at, TaskRow.status).where(
                seen_by(workspace_id, viewer), scope(owner_id, project_id), COMMITTED,
                TaskRow.status != CANCELLED, TaskRow.due_deadline > since, TaskRow.due_deadline <= now)
        ).all()
        return [Commitment(owner, aware(deadline), aware(done) if done and status == DONE else None)
                for owner, deadline, done, status in rows if deadline is not None]

    def slips(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
              owner_ids: Iterable[int]) -> dict[int, timedelta]:
        """Each owner's mean lateness over their commitments that came due in (since, now]: done late by how
        much, still open by how long, kept as zero. What their next date may slip by."""
        days = days_between(self._session.get_bind().dialect.name)
        moment = literal(now, UTCDateTime())
        lateness = case((and_(TaskRow.status == DONE, TaskRow.completed_at > TaskRow.due_deadline),
                         days(TaskRow.completed_at, TaskRow.due_deadline)),
                        (and_(IS_OPEN, TaskRow.due_deadline < moment), days(moment, TaskRow.due_deadline)),
                        else_=0.0)
        wanted = set(owner_ids)
        kinds = (COMMITTED, TaskRow.status != CANCELLED)
        if len(wanted) > OWNERS_LOOKED_UP:  # a portfolio: one pass over the window's commitments is cheaper
            batches = [select(TaskRow.owner_id, func.avg(lateness)).where(
                seen_by(workspace_id, viewer), *kinds, TaskRow.due_deadline > since, TaskRow.due_deadline <= now)
                .group_by(TaskRow.owner_id)]
        else:  # each owner's few commitments through the (workspace, owner, deadline) index
            # coalesce(x, x) hides the window from SQLite's planner, which (with no statistics) would rather
            # walk the whole window by date once per chunk; PostgreSQL's statistics choose well unaided.
            deadline: Any = TaskRow.due_deadline
            if self._session.get_bind().dialect.name == "sqlite":
                deadline = func.coalesce(TaskRow.due_deadline, TaskRow.due_deadline)
            batches = [select(TaskRow.owner_id, func.avg(lateness)).where(
                seen_by(workspace_id, viewer), *kinds, TaskRow.owner_id.in_(chunk), deadline > since,
                deadline <= now).group_by(TaskRow.owner_id) for chunk in chunks(sorted(wanted))]
        slips: dict[int, timedelta] = {}
        for batch in batches:
            for owner, mean in self._session.execute(batch).all():
                if int(owner) in wanted:
                    slips[int(owner)] = timedelta(days=float(mean or 0))
        return slips

    def requests(self, workspace_id: int, viewer: Person | None, since: datetime,
                 owner_id: int | None = None, project_id: int | None = None) -> list[Request]:
        """Requests asked since `since`: first answer by their owner and how often the date was renegotiated."""
        tasks = self._session.execute(
            select(TaskRow.id, TaskRow.owner_id, TaskRow.created_at).where(
                seen_by(workspace_id, viewer), scope(owner_id, project_id),
                TaskRow.requester_id != TaskRow.owner_id, TaskRow.created_at > since)
        ).all()
        answered: dict[int, datetime] = {}
        renegotiated: dict[int, int] = {}
        for ids in chunks([task_id for task_id, _, _ in tasks]):
            for task_id, verb, at in self._session.execute(
                select(ActivityRow.task_id, ActivityRow.verb, ActivityRow.at)
                .where(ActivityRow.task_id.in_(ids)).order_by(ActivityRow.at, ActivityRow.id)
            ).all():
                if verb in RENEGOTIATIONS:
                    renegotiated[task_id] = renegotiated.get(task_id, 0) + 1
                if verb in ANSWERS and task_id not in answered:
                    answered[task_id] = aware(at)
        return [Request(aware(created), answered.get(task_id), renegotiated.get(task_id, 0))
                for task_id, _, created in tasks]

    def open_load(self, workspace_id: int, viewer: Person | None, owner_id: int | None = None,
                  project_id: int | None = None, start: datetime | None = None, end: datetime | None = None) -> int:
        """Open commitments (due between start and end when given)."""
        window = [TaskRow.due_deadline >= start] if start else []
        window += [TaskRow.due_deadline < end] if end else []
        return int(self._session.execute(select(func.count()).where(
            seen_by(workspace_id, viewer), scope(owner_id, project_id), IS_OPEN, COMMITTED, *window)).scalar_one())

    def open_effort(self, workspace_id: int, viewer: Person | None, owner_id: int, start: datetime,
                    end: datetime) -> int:
        """Minutes estimated on the owner's open commitments due between start and end."""
        total = self._session.execute(select(func.sum(TaskRow.effort_minutes)).where(
            seen_by(workspace_id, viewer), scope(owner_id, None), IS_OPEN, COMMITTED,
            TaskRow.due_deadline >= start, TaskRow.due_deadline < end)).scalar_one()
        return int(total or 0)

    def kept_by_owner(self, people: Iterable[Person], since: datetime, now: datetime) -> dict[int, tuple[int, int]]:
        """(kept on time, came due) per person over their own commitments due in (since, now], for digests.

        The workspace ids go along so the (workspace, owner, deadline) index serves it (without them both
        databases read every task); PostgreSQL gets smaller chunks so its planner stays on that index."""
        counts: dict[int, tuple[int, int]] = {}
        everyone = [person for person in people if person.id is not None]
        workspaces = sorted({person.workspace_id for person in everyone})
        size = OWNERS_PER_QUERY_POSTGRES if self._session.get_bind().dialect.name == "postgresql" else CHUNK
        kept = and_(TaskRow.status == DONE, TaskRow.completed_at <= TaskRow.due_deadline)
        for chunk in chunks([person.id or 0 for person in everyone], size - len(workspaces)):
            for owner, n_kept, n_due in self._session.execute(
                select(TaskRow.owner_id, count_of(kept), func.count()).where(
                    TaskRow.workspace_id.in_(workspaces), TaskRow.owner_id.in_(chunk), COMMITTED,
                    TaskRow.status != CANCELLED, TaskRow.due_deadline > since, TaskRow.due_deadline <= now)
                .group_by(TaskRow.owner_id)
            ).all():
                counts[int(owner)] = (int(n_kept), int(n_due))
        return counts
