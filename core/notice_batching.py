"""Fewer interruptions: non-urgent notices (comments, watched tasks' changes) held and sent together, at once
(merged within a minute), every N minutes, or at digest time, as each person chose."""
from __future__ import annotations

from datetime import datetime, timedelta

from core.notices import HeldNotice, NoticeMode
from core.outcome import Notice
from core.ports import UnitOfWork
from core.schedule.digest import next_digest_at
from core.schedule.policy import NoHolidays

MERGE_WINDOW = timedelta(minutes=1)
WATCHED_CHANGES = ("status", "done", "reopened", "cancelled")
DIGEST_FALLBACK = timedelta(days=1)


def is_deferrable(uow: UnitOfWork, notice: Notice) -> bool:
    """Comments, and a watched task's changes told to a watcher (not its requester or owner, for whom a change is
    an answer). Requests, answers, reminders, edits and conversation posts are never held."""
    if notice.urgent or notice.edit or notice.conversation or not notice.recipient_id:
        return False
    if notice.kind == "comment":
        return True
    if notice.kind not in WATCHED_CHANGES or notice.task_id is None:
        return False
    task = uow.tasks.get_by_id(notice.task_id)
    return task is not None and notice.recipient_id not in (task.owner_id, task.requester_id)


def hold(uow: UnitOfWork, notice: Notice, workspace_id: int, now: datetime) -> None:
    """Keep `notice` back until the recipient's next release: the one already planned when notices are waiting,
    else a minute from now, their next batch, or their next digest."""
    person_id = notice.recipient_id
    release = uow.notices.pending_release(person_id) or _release(uow, person_id, now)
    uow.notices.hold(HeldNotice(workspace_id, person_id, notice.kind, notice.text, now, release, notice.task_id))


def _release(uow: UnitOfWork, person_id: int, now: datetime) -> datetime:
    preference = uow.notices.preference(person_id)
    if preference.mode is NoticeMode.BATCH:
        return now + timedelta(minutes=preference.every_minutes)
    if preference.mode is NoticeMode.DIGEST:
        person = uow.people.get(person_id)
        if person is None or not person.digest_enabled:
            return now + DIGEST_FALLBACK
        planned = person.next_digest_at
        if planned is None or planned <= now:
            planned = next_digest_at(person, now, NoHolidays())
        return planned or now + DIGEST_FALLBACK
    return now + MERGE_WINDOW
