"""Converting between Person dataclasses and PersonRow."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.people import Person, Role
from storage.repositories.keys import name_key
from storage.rows import PersonRow


def fill_row(row: PersonRow, person: Person) -> None:
    """Copy every stored field of `person` onto `row` (identities live in their own table)."""
    for name, value in _values(person).items():
        setattr(row, name, value)


def update_row(row: PersonRow, person: Person) -> None:
    """As fill_row, for a row already stored: only the fields that differ are set (setting is the costly part)."""
    for name, value in _values(person).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _values(person: Person) -> dict[str, Any]:
    return {
        "workspace_id": person.workspace_id,
        "display_name": person.display_name,
        "handle": person.handle,
        "handle_key": name_key(person.handle, "@"),
        "name_key": name_key(person.display_name),
        "tz": person.tz,
        "role": person.role.value,
        "external": person.external,
        "working_days": days_text(person.working_days),
        "work_start": person.work_start,
        "work_end": person.work_end,
        "digest_time": person.digest_time,
        "digest_enabled": person.digest_enabled,
        "lang": person.lang,
        "lang_chosen": person.lang_chosen,
        "holiday_country": person.holiday_country,
        "away_until": person.away_until,
        "digest_days": None if person.digest_days is None else days_text(person.digest_days),
        "next_digest_at": person.next_digest_at,
        "last_digest_at": person.last_digest_at,
        "admin_grant": person.admin_grant,
        "deactivated_at": person.deactivated_at,
    }


def to_person(row: PersonRow) -> Person:
    """The Person a row stores, without identities."""
    return Person(
        workspace_id=row.workspace_id,
        display_name=row.display_name,
        handle=row.handle,
        tz=row.tz,
        role=Role(row.role),
        external=row.external,
        working_days=days_of(row.working_days),
        work_start=row.work_start,
        work_end=row.work_end,
        digest_time=row.digest_time,
        digest_enabled=row.digest_enabled,
        lang=row.lang,
        lang_chosen=row.lang_chosen,
        holiday_country=row.holiday_country,
        away_until=row.away_until,
        digest_days=None if row.digest_days is None else days_of(row.digest_days),
        next_digest_at=row.next_digest_at,
        last_digest_at=row.last_digest_at,
        admin_grant=row.admin_grant,
        deactivated_at=row.deactivated_at,
        id=row.id,
    )


# The columns to_person_fast unpacks, in order (Core columns: read on the connection, without ORM rows).
PERSON_COLUMNS = tuple(PersonRow.__table__.c[name] for name in (
    "id", "workspace_id", "display_name", "handle", "tz", "role", "external", "working_days", "work_start",
    "work_end", "digest_time", "digest_enabled", "lang", "holiday_country", "away_until", "digest_days",
    "next_digest_at", "last_digest_at", "admin_grant", "deactivated_at", "lang_chosen",
))
ROLES = {member.value: member for member in Role}


def to_person_fast(values: Sequence[Any]) -> Person:
    """The Person (without identities) a row of PERSON_COLUMNS stores; equal to what to_person makes."""
    (person_id, workspace_id, display_name, handle, tz, role, external, working_days, work_start, work_end,
     digest_time, digest_enabled, lang, holiday_country, away_until, digest_days, next_digest_at,
     last_digest_at, admin_grant, deactivated_at, lang_chosen) = values
    return Person(
        workspace_id=workspace_id, display_name=display_name, handle=handle, tz=tz, role=ROLES[role],
        external=external, working_days=days_of(working_days), work_start=work_start, work_end=work_end,
        digest_time=digest_time, digest_enabled=digest_enabled, lang=lang, holiday_country=holiday_country,
        away_until=away_until, digest_days=None if digest_days is None else days_of(digest_days),
        next_digest_at=next_digest_at, last_digest_at=last_digest_at, admin_grant=admin_grant,
        deactivated_at=deactivated_at, id=person_id, lang_chosen=lang_chosen,
    )


def days_text(days: frozenset[int]) -> str:
    """Weekdays as "0,1,2,3,4" (Monday is 0); no days is the empty text."""
    return ",".join(str(day) for day in sorted(days))


def days_of(text: str) -> frozenset[int]:
    return frozenset(int(day) for day in text.split(",") if day)
