"""People and their platform identities in SQL."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import Session

from core.people import Person
from storage.repositories.claims import claim
from storage.repositories.keys import name_key
from storage.repositories.people_search import called, closeness
from storage.repositories.person_mapping import fill_row, to_person
from storage.rows import IdentityRow, PersonRow


class SqlPersonRepository:
    """Stores Person dataclasses as PersonRow, with identities in IdentityRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, person: Person) -> Person:
        row = PersonRow()
        fill_row(row, person)
        self._session.add(row)
        self._session.flush()
        person.id = row.id
        for platform, external_id in person.identities.items():
            self._link(person, platform, external_id)
        return person

    def get(self, person_id: int) -> Person | None:
        return self.many([person_id]).get(person_id)

    def many(self, person_ids: Iterable[int]) -> dict[int, Person]:
        ids = set(person_ids)
        if not ids:
            return {}
        rows = self._session.scalars(select(PersonRow).where(PersonRow.id.in_(ids))).all()
        return {person.id: person for person in self._with_identities(rows) if person.id is not None}

    def by_identity(self, workspace_id: int, platform: str, external_id: str) -> Person | None:
        person_id = self._session.scalar(
            select(IdentityRow.person_id).where(
                IdentityRow.workspace_id == workspace_id,
                IdentityRow.platform == platform,
                IdentityRow.external_id == external_id,
            )
        )
        return self.get(person_id) if person_id is not None else None

    def link_identity(self, person: Person, platform: str, external_id: str) -> None:
        self._link(person, platform, external_id)
        self._session.flush()

    def find(self, workspace_id: int, name: str) -> list[Person]:
        """People called `name` (case-insensitive, '@' optional): exact handle, exact name, then
        those whose handle or name starts with it as a whole word ("ana" finds ana.m and "Ana Ruiz")."""
        key = name_key(name, "@")
        if not key:
            return []
        # The exact match is an index lookup; the word-prefix search scans, so it runs only when needed.
        exact = self._matching(workspace_id, key, or_(PersonRow.handle_key == key, PersonRow.name_key == key))
        if any(row.handle_key == key for row in exact):
            return self._with_identities(exact)
        return self._with_identities(self._matching(workspace_id, key, called(key)))

    def _matching(self, workspace_id: int, key: str, condition: ColumnElement[bool]) -> Sequence[PersonRow]:
        return self._session.scalars(
            select(PersonRow)
            .where(PersonRow.workspace_id == workspace_id, condition)
            .order_by(closeness(key), PersonRow.id)
        ).all()

    def save(self, person: Person) -> None:
        if person.id is None:
            raise ValueError("cannot save a person who was never added")
        row = self._session.get_one(PersonRow, person.id)
        fill_row(row, person)
        self._session.flush()

    def claim_due_digests(self, now: datetime, limit: int) -> list[Person]:
        """People with digests on whose next digest is due, soonest first (locked on PostgreSQL)."""
        due = select(PersonRow).where(PersonRow.digest_enabled == true(), PersonRow.next_digest_at <= now)
        return self._with_identities(claim(self._session, due.order_by(PersonRow.next_digest_at, PersonRow.id), limit))

    def without_digest_schedule(self, limit: int) -> list[Person]:
        """People with digests on whose next digest was never planned (locked on PostgreSQL)."""
        new = select(PersonRow).where(PersonRow.digest_enabled == true(), PersonRow.next_digest_at.is_(None))
        return self._with_identities(claim(self._session, new.order_by(PersonRow.id), limit))

    def _link(self, person: Person, platform: str, external_id: str) -> None:
        if person.id is None:
            raise ValueError("add the person before linking an identity")
        existing = self._session.scalars(
            select(IdentityRow).where(
                IdentityRow.workspace_id == person.workspace_id,
                IdentityRow.platform == platform,
                IdentityRow.external_id == external_id,
            )
        ).one_or_none()
        if existing is None:
            self._session.add(
                IdentityRow(
                    workspace_id=person.workspace_id,
                    platform=platform,
                    external_id=external_id,
                    person_id=person.id,
                )
            )
        else:
            existing.person_id = person.id
        person.identities[platform] = external_id

    def _with_identities(self, rows: Iterable[PersonRow]) -> list[Person]:
        people = [to_person(row) for row in rows]
        ids = [person.id for person in people]
        if not ids:
            return people
        identities: dict[int, dict[str, str]] = defaultdict(dict)
        found = self._session.execute(
            select(IdentityRow.person_id, IdentityRow.platform, IdentityRow.external_id)
            .where(IdentityRow.person_id.in_(ids))
            .order_by(IdentityRow.id)
        )
        for person_id, platform, external_id in found:
            identities[person_id][platform] = external_id
        for person in people:
            assert person.id is not None
            person.identities = identities[person.id]
        return people

