"""Sending held non-urgent notices: everything released for one person goes out as one message."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from core.i18n import joined, ngettext
from core.notices import HeldNotice
from core.outbox import OutboxEntry, entry_for
from core.outcome import Notice
from core.ports import UnitOfWork


def run_notice_batches(uow: UnitOfWork, now: datetime, batch: int) -> int:
    """One batch of released notices, in the caller's transaction, merged per person; how many were released."""
    held = uow.notices.claim_due(now, batch)
    by_person: dict[int, list[HeldNotice]] = defaultdict(list)
    for notice in held:
        by_person[notice.person_id].append(notice)
    out: list[OutboxEntry] = [entry_for(_merged(notices, _lang(uow, person_id)), notices[0].workspace_id, now)
                              for person_id, notices in by_person.items()]
    uow.outbox.add_many(out)
    uow.notices.release(n.id for n in held if n.id is not None)
    return len(held)


def _lang(uow: UnitOfWork, person_id: int) -> str:
    person = uow.people.get(person_id)
    return person.lang if person is not None else "en"


def _merged(notices: list[HeldNotice], lang: str) -> Notice:
    """One notice as it was; several as one message, one line each, oldest first."""
    first = notices[0]
    key = f"held:{first.person_id}:{first.id}"
    if len(notices) == 1:
        return Notice(first.person_id, first.kind, first.text, first.task_id, dedupe_key=key)
    lines = "\n".join(f"• {n.text}" for n in notices)
    heading = ngettext("{n} update on tasks you follow:", "{n} updates on tasks you follow:", len(notices))
    return Notice(first.person_id, "updates", joined([heading, lines], "\n"), dedupe_key=key).said_in(lang)
