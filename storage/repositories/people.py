"""People and their platform identities in SQL."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import Session

from core.people import Person
from storage.repositories.claims import claim
from storage.repositories.insert_once import insert_once
from storage.repositories.keys import escape_like, name_key
from storage.repositories.people_search import called, closeness
from storage.repositories.person_mapping import PERSON_COLUMNS, fill_row, to_person, to_person_fast, update_row
from storage.rows import IdentityRow, PersonRow

CHUNK = 900  # ids bound per statement: under SQLite's old limit of 999 variables


class SqlPersonRepository:
    """Stores Person dataclasses as PersonRow, with identities in IdentityRow."""

    def __init__(self, session: Session) -> None:
        self._session = session
        # Rows loaded in this unit of work, by person id: the session's identity map holds rows only weakly,
        # so without this save() would read each row again.
        self._rows: dict[int, PersonRow] = {}

    def forget(self) -> None:
        """Drop what this unit of work remembers of loaded rows."""
        self._rows.clear()

    def add(self, person: Person) -> Person:
        row = PersonRow()
        fill_row(row, person)
        self._session.add(row)
        self._session.flush()
        person.id = row.id
        self._rows[row.id] = row
        for platform, external_id in person.identities.items():
            self._link(person, platform, external_id)
        return person

    def add_or_get(self, person: Person, platform: str, external_id: str) -> Person:
        """`person` added with this identity, unless another process linked the identity first: then theirs."""
        row = PersonRow()
        fill_row(row, person)
        self._session.add(row)
        self._session.flush()
        identity = {"workspace_id": person.workspace_id, "platform": platform, "external_id": external_id,
                    "person_id": row.id}
        key = ["workspace_id", "platform", "external_id"]
        # On PostgreSQL this waits for a concurrent first sighting to commit, then finds its identity.
        linked = self._session.execute(
            insert_once(self._session, IdentityRow, identity, key).returning(IdentityRow.id)).first()
        if linked is None:
            self._session.delete(row)
            self._session.flush()
            found = self.by_identity(person.workspace_id, platform, external_id)
            assert found is not None, "an identity found conflicting must be readable"
            return found
        person.id = row.id
        self._rows[row.id] = row
        person.identities[platform] = external_id
        return person

    def get(self, person_id: int) -> Person | None:
        return self.many([person_id]).get(person_id)

    def many(self, person_ids: Iterable[int]) -> dict[int, Person]:
        """People by id; unknown ids are left out. Rows this unit of work already holds are not read again,
        the rest are read as plain columns (no ORM rows), with their identities, at most CHUNK ids a query."""
        ids = set(person_ids)
        if not ids:
            return {}
        kept = self._rows
        found = {person_id: to_person(kept[person_id]) for person_id in ids if person_id in kept}
        missing = sorted(ids - found.keys())
        if missing:
            self._session.flush()  # as the ORM query's autoflush would, so the connection sees pending changes
            connection = self._session.connection()
            table = PersonRow.__table__
            for start in range(0, len(missing), CHUNK):
                chunk = missing[start:start + CHUNK]
                for values in connection.execute(select(*PERSON_COLUMNS).where(table.c.id.in_(chunk))).all():
                    person = to_person_fast(values)
                    found[values[0]] = person
        identities: dict[int, dict[str, str]] = defaultdict(dict)
        if found:
            connection = self._session.connection()
            identity = IdentityRow.__table__.c
            everyone = sorted(found)
            for start in range(0, len(everyone), CHUNK):
                rows = connection.execute(
                    select(identity.person_id, identity.platform, identity.external_id)
                    .where(identity.person_id.in_(everyone[start:start + CHUNK]))
                    .order_by(identity.id)
                )
                for person_id, platform, external_id in rows:
                    identities[person_id][platform] = external_id
        for person_id, person in found.items():
            person.identities = identities[person_id]
        return found

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

    def starting_with(self, workspace_id: int, prefix: str, limit: int) -> list[Person]:
        key = name_key(prefix, "@")
        if not key:
            return []
        pattern = escape_like(key) + "%"
        rows = self._session.scalars(
            select(PersonRow)
            .where(PersonRow.workspace_id == workspace_id,
                   or_(PersonRow.handle_key.like(pattern, escape="\\"),
                       PersonRow.name_key.like(pattern, escape="\\")))
            .order_by(PersonRow.handle_key).limit(limit)
        ).all()
        return self._with_identities(rows)

    def _matching(self, workspace_id: int, key: str, condition: ColumnElement[bool]) -> Sequence[PersonRow]:
        return self._session.scalars(
            select(PersonRow)
            .where(PersonRow.workspace_id == workspace_id, condition)
            .order_by(closeness(key), PersonRow.id)
        ).all()

    def in_workspace(self, workspace_id: int, limit: int = 1000) -> list[Person]:
        rows = self._session.scalars(
            select(PersonRow).where(PersonRow.workspace_id == workspace_id).order_by(PersonRow.id).limit(limit)
        ).all()
        return self._with_identities(rows)

    def save(self, person: Person) -> None:
        if person.id is None:
            raise ValueError("cannot save a person who was never added")
        row = self._rows.get(person.id)
        if row is None or row not in self._session:
            row = self._rows[person.id] = self._session.get_one(PersonRow, person.id)
        update_row(row, person)  # flushed with the next query or the commit, in batches

    def claim_due_digests(self, now: datetime, limit: int) -> list[Person]:
        """Active people with digests on whose next digest is due, soonest first (locked on PostgreSQL)."""
        due = select(PersonRow).where(PersonRow.digest_enabled == true(), PersonRow.next_digest_at <= now,
                                      PersonRow.deactivated_at.is_(None))
        return self._with_identities(claim(self._session, due.order_by(PersonRow.next_digest_at, PersonRow.id), limit))

    def without_digest_schedule(self, limit: int) -> list[Person]:
        """People with digests on whose next digest was never planned (locked on PostgreSQL)."""
        new = select(PersonRow).where(PersonRow.digest_enabled == true(), PersonRow.next_digest_at.is_(None),
                                      PersonRow.deactivated_at.is_(None))
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
        kept = self._rows
        people = []
        for row in rows:
            kept[row.id] = row
            people.append(to_person(row))
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

