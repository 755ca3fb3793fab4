"""People and their platform identities in SQL."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, case, or_, select
from sqlalchemy.orm import Session

from core.people import Person, Role
from storage.repositories.keys import escape_like, name_key
from storage.rows import IdentityRow, PersonRow

HANDLE_SEPARATORS = (".", "\\_", "-")


class SqlPersonRepository:
    """Stores Person dataclasses as PersonRow, with identities in IdentityRow."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, person: Person) -> Person:
        row = PersonRow()
        _fill(row, person)
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
        rows = self._session.scalars(
            select(PersonRow)
            .where(PersonRow.workspace_id == workspace_id, _called(key))
            .order_by(_closeness(key), PersonRow.id)
        ).all()
        return self._with_identities(rows)

    def save(self, person: Person) -> None:
        if person.id is None:
            raise ValueError("cannot save a person who was never added")
        row = self._session.get_one(PersonRow, person.id)
        _fill(row, person)
        self._session.flush()

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
        people = [_to_person(row) for row in rows]
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


def _called(key: str) -> ColumnElement[bool]:
    word = escape_like(key)
    return or_(
        PersonRow.handle_key == key,
        PersonRow.name_key == key,
        *(PersonRow.handle_key.like(word + separator + "%", escape="\\") for separator in HANDLE_SEPARATORS),
        PersonRow.name_key.like(word + " %", escape="\\"),
    )


def _closeness(key: str) -> ColumnElement[int]:
    return case((PersonRow.handle_key == key, 0), (PersonRow.name_key == key, 1), else_=2)


def _fill(row: PersonRow, person: Person) -> None:
    row.workspace_id = person.workspace_id
    row.display_name = person.display_name
    row.handle = person.handle
    row.handle_key = name_key(person.handle, "@")
    row.name_key = name_key(person.display_name)
    row.tz = person.tz
    row.role = person.role.value
    row.external = person.external
    row.working_days = ",".join(str(day) for day in sorted(person.working_days))
    row.work_start = person.work_start
    row.work_end = person.work_end
    row.digest_time = person.digest_time
    row.digest_enabled = person.digest_enabled
    row.lang = person.lang
    row.holiday_country = person.holiday_country
    row.away_until = person.away_until


def _to_person(row: PersonRow) -> Person:
    return Person(
        workspace_id=row.workspace_id,
        display_name=row.display_name,
        handle=row.handle,
        tz=row.tz,
        role=Role(row.role),
        external=row.external,
        working_days=frozenset(int(day) for day in row.working_days.split(",") if day),
        work_start=row.work_start,
        work_end=row.work_end,
        digest_time=row.digest_time,
        digest_enabled=row.digest_enabled,
        lang=row.lang,
        holiday_country=row.holiday_country,
        away_until=row.away_until,
        id=row.id,
    )
