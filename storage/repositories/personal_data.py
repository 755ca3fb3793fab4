"""A person's data in SQL: every row about or by them (for an export), and erasing it (forgetting them)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, func, or_, select, update
from sqlalchemy.orm import Session

from core.people import FORGOTTEN_HANDLE, FORMER_MEMBER
from storage.dump import to_json
from storage.repositories.keys import escape_like, name_key
from storage.rows import (
    ActivityRow,
    Base,
    CommentRow,
    ConversationMemberRow,
    ConversationRow,
    DraftRow,
    HeldNoticeRow,
    IdentityRow,
    OutboxRow,
    PersonRow,
    TaskCardRow,
)

# Free texts people write, where someone's name may appear: scrubbed of it when they are forgotten.
FREE_TEXT = (("tasks", "title"), ("tasks", "notes"), ("comments", "text"), ("activity", "detail"),
             ("drafts", "text"), ("goals", "description"))
HELD_TEXT = (("outbox", "payload"), ("held_notices", "text"))  # notices waiting to go out
REMOVED_COMMENT = "(removed: written by a former member)"
REMOVED = "(removed)"
SHORTEST_QUOTE = 4  # what they wrote is cut out of notices sent to others, unless too short to be theirs


def personal_rows(session: Session, person_id: int) -> list[tuple[str, dict[str, Any]]]:
    """Their person row, then every row of every table that points at them, then their conversation memberships."""
    connection = session.connection()
    people = Base.metadata.tables["people"]
    found: list[tuple[str, dict[str, Any]]] = []
    for table in Base.metadata.sorted_tables:
        condition = _about(table, people, person_id)
        if condition is None:
            continue
        for row in connection.execute(select(table).where(condition).order_by(*table.primary_key.columns)).mappings():
            found.append((table.name, {name: to_json(value) for name, value in row.items()}))
    member = Base.metadata.tables["conversation_members"]
    for row in connection.execute(select(member).where(*_memberships(session, person_id))).mappings():
        found.append((member.name, {name: to_json(value) for name, value in row.items()}))
    return found


def _about(table: Table, people: Table, person_id: int) -> Any:
    if table is people:
        return table.c.id == person_id
    columns = [key.parent for key in table.foreign_keys if key.column.table is people]
    return or_(*(column == person_id for column in columns)) if columns else None


def _memberships(session: Session, person_id: int) -> list[Any]:
    """Conditions on conversation_members for the person's platform user ids, in their workspace only."""
    person = session.get_one(PersonRow, person_id)
    users = select(IdentityRow.external_id).where(IdentityRow.person_id == person_id)
    conversations = select(ConversationRow.id).where(ConversationRow.workspace_id == person.workspace_id)
    return [ConversationMemberRow.user.in_(users), ConversationMemberRow.conversation_id.in_(conversations)]


def forget_person(session: Session, person_id: int, now: datetime) -> None:
    """Erase the person's personal data: their name wherever it was written, what they wrote, their accounts and
    what was waiting for them. Rows that only point at them by id (tasks they own or asked for) stay."""
    person = session.get_one(PersonRow, person_id)
    users = list(session.scalars(select(IdentityRow.external_id).where(IdentityRow.person_id == person_id)))
    names = [person.display_name, person.handle, *users]
    written = _written_by(session, person_id)
    _scrub_texts(session, person.workspace_id, names, written)
    session.execute(update(CommentRow).where(CommentRow.author_id == person_id).values(text=REMOVED_COMMENT))
    session.execute(update(ActivityRow).where(ActivityRow.actor_id == person_id).values(detail=REMOVED))
    session.execute(update(DraftRow).where(DraftRow.author_id == person_id).values(text=""))
    session.execute(update(DraftRow).where(DraftRow.author_id == person_id, DraftRow.closed_at.is_(None))
                    .values(closed_at=now))
    session.execute(delete(OutboxRow).where(OutboxRow.recipient_id == person_id))
    session.execute(delete(HeldNoticeRow).where(HeldNoticeRow.person_id == person_id))
    session.execute(delete(TaskCardRow).where(TaskCardRow.recipient_id == person_id))
    session.execute(delete(ConversationMemberRow).where(*_memberships(session, person_id)))
    session.execute(delete(IdentityRow).where(IdentityRow.person_id == person_id))
    _anonymise(person, now)
    session.flush()


def _anonymise(person: PersonRow, now: datetime) -> None:
    handle = f"{FORGOTTEN_HANDLE}{person.id}"
    person.display_name, person.handle = FORMER_MEMBER, handle
    person.handle_key, person.name_key = name_key(handle), name_key(FORMER_MEMBER)
    person.tz, person.lang, person.holiday_country, person.role, person.external = "UTC", "en", None, "member", False
    person.away_until, person.digest_enabled, person.next_digest_at, person.last_digest_at = None, False, None, None
    person.admin_grant = False
    person.deactivated_at = person.deactivated_at or now


def _written_by(session: Session, person_id: int) -> list[str]:
    """The texts the person wrote (comments, notes on what they did, requests), longest first."""
    texts = {*session.scalars(select(CommentRow.text).where(CommentRow.author_id == person_id)),
             *session.scalars(select(ActivityRow.detail).where(ActivityRow.actor_id == person_id)),
             *session.scalars(select(DraftRow.text).where(DraftRow.author_id == person_id))}
    return sorted((t for t in texts if len(t.strip()) >= SHORTEST_QUOTE), key=len, reverse=True)


def _scrub_texts(session: Session, workspace_id: int, names: Iterable[str], written: list[str]) -> None:
    said = sorted({n.strip().lstrip("@") for n in names if n and n.strip().lstrip("@")}, key=len, reverse=True)
    if not said:
        return
    pattern = re.compile(r"(?<![\w.])(?:<@)?@?(?:" + "|".join(re.escape(n) for n in said) + r")>?(?!\w)",
                         re.IGNORECASE)
    tables = Base.metadata.tables
    for table_name, column_name in FREE_TEXT:
        table = tables[table_name]
        _scrub_column(session, table, column_name, _in_workspace(table, workspace_id), said, pattern)
    for table_name, column_name in HELD_TEXT:  # notices to others: their names replaced, what they wrote cut out
        table = tables[table_name]
        for row_id, value in session.execute(select(table.c.id, table.c[column_name])
                                             .where(table.c.workspace_id == workspace_id)).all():
            cleaned = _scrubbed(value, pattern, written)
            if cleaned != value:
                session.execute(update(table).where(table.c.id == row_id).values({column_name: cleaned}))


def _in_workspace(table: Table, workspace_id: int) -> Any:
    if "workspace_id" in table.c:
        return table.c.workspace_id == workspace_id
    tasks = Base.metadata.tables["tasks"]
    return table.c.task_id.in_(select(tasks.c.id).where(tasks.c.workspace_id == workspace_id))


def _scrub_column(session: Session, table: Table, column_name: str, scope: Any, said: list[str],
                  pattern: re.Pattern[str]) -> None:
    column = table.c[column_name]
    mentions = or_(*(func.lower(column).like(f"%{escape_like(n.lower())}%", escape="\\") for n in said))
    key = table.primary_key.columns.values()[0]
    for row_id, text in session.execute(select(key, column).where(scope, mentions)).all():
        cleaned = pattern.sub(FORMER_MEMBER, text)
        if cleaned != text:
            session.execute(update(table).where(key == row_id).values({column_name: cleaned}))


def _scrubbed(value: Any, pattern: re.Pattern[str], written: list[str]) -> Any:
    """A JSON value with what the person wrote cut out and their names replaced, in every string inside it."""
    if isinstance(value, str):
        for text in written:
            value = value.replace(text, REMOVED)
        return pattern.sub(FORMER_MEMBER, value)
    if isinstance(value, list):
        return [_scrubbed(item, pattern, written) for item in value]
    if isinstance(value, dict):
        return {key: _scrubbed(item, pattern, written) for key, item in value.items()}
    return value
