"""When something next falls due: the earliest reminder, follow-up, occurrence, digest or held notice."""
from __future__ import annotations

from datetime import datetime

from core.ports import UnitOfWorkFactory

LOOKED_AT = 50  # rows per kind; what is already due (or stuck) is skipped, the next one after it counts


def next_wake(uow_factory: UnitOfWorkFactory, after: datetime, until: datetime) -> datetime | None:
    """The earliest instant in (after, until] at which the scheduler or the deliverer has work, if any.

    It asks the claim queries for due rows as if it were `until` and rolls back, so nothing is claimed.
    """
    with uow_factory() as uow:
        tasks = uow.tasks
        found = [
            *(t.next_reminder_at for t in tasks.claim_due_reminders(until, LOOKED_AT)),
            *(t.follow_up_at for t in tasks.claim_due_follow_ups(until, LOOKED_AT)),
            *(t.next_occurrence_at for t in tasks.claim_due_occurrences(until, LOOKED_AT)),
            *(p.next_digest_at for p in uow.people.claim_due_digests(until, LOOKED_AT)),
            *(p.next_digest_at for p in uow.projects.claim_due_digests(until, LOOKED_AT)),
            *(r.follow_up_at for r in uow.teams.claim_due_follow_ups(until, LOOKED_AT)),
            *(r.next_at for r in uow.channel_reminders.claim_due(until, LOOKED_AT)),
            *(n.release_at for n in uow.notices.claim_due(until, LOOKED_AT)),
            *(e.not_before for e in uow.outbox.pending(LOOKED_AT * 20, until)),
        ]
    return min((when for when in found if when is not None and when > after), default=None)
