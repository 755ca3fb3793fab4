"""Administration in SQL: the audit log, who the admins are, dropping a deactivated person's notices."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from core.audit import AuditEntry
from core.outbox import DeliveryState
from core.people import Person, Role
from storage.repositories.people import SqlPersonRepository
from storage.repositories.personal_data import forget_person, personal_rows
from storage.rows import AuditRow, HeldNoticeRow, OutboxRow, PersonRow

DROPPED = "the recipient was deactivated"


class SqlAdminStore:
    """The AdminStore port on one session."""

    def __init__(self, session: Session, people: SqlPersonRepository) -> None:
        self._session = session
        self._people = people

    def record(self, entry: AuditEntry) -> None:
        self._session.add(AuditRow(workspace_id=entry.workspace_id, actor_id=entry.actor_id, action=entry.action,
                                   subject_id=entry.subject_id, detail=entry.detail, at=entry.at))
        self._session.flush()

    def entries(self, workspace_id: int, offset: int, limit: int) -> list[AuditEntry]:
        rows = self._session.scalars(select(AuditRow).where(AuditRow.workspace_id == workspace_id)
                                     .order_by(AuditRow.id.desc()).offset(offset).limit(limit)).all()
        return [AuditEntry(r.workspace_id, r.actor_id, r.action, r.subject_id, r.detail, r.at, r.id) for r in rows]

    def count(self, workspace_id: int) -> int:
        return self._session.scalar(select(func.count()).select_from(AuditRow)
                                    .where(AuditRow.workspace_id == workspace_id)) or 0

    def admins(self, workspace_id: int) -> list[Person]:
        ids = self._session.scalars(
            select(PersonRow.id).where(PersonRow.workspace_id == workspace_id, PersonRow.deactivated_at.is_(None),
                                       or_(PersonRow.role == Role.ADMIN.value, PersonRow.admin_grant.is_(True)))
            .order_by(PersonRow.handle_key).limit(50)).all()
        found = self._people.many(ids)
        return [found[i] for i in ids if i in found]

    def drop_notices(self, person_id: int) -> int:
        dropped = self._session.execute(
            update(OutboxRow).where(OutboxRow.recipient_id == person_id,
                                    OutboxRow.state == DeliveryState.PENDING.value)
            .values(state=DeliveryState.FAILED.value, last_error=DROPPED))
        held = self._session.execute(delete(HeldNoticeRow).where(HeldNoticeRow.person_id == person_id))
        return int(getattr(dropped, "rowcount", 0) or 0) + int(getattr(held, "rowcount", 0) or 0)

    def personal_data(self, person_id: int) -> list[tuple[str, dict[str, Any]]]:
        self._session.flush()
        return personal_rows(self._session, person_id)

    def forget(self, person_id: int, now: datetime) -> None:
        self._session.flush()
        forget_person(self._session, person_id, now)
        self._people.forget()
