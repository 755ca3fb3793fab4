"""Converting between Person dataclasses and PersonRow."""
from __future__ import annotations

from core.people import Person, Role
from storage.repositories.keys import name_key
from storage.rows import PersonRow


def fill_row(row: PersonRow, person: Person) -> None:
    """Copy every stored field of `person` onto `row` (identities live in their own table)."""
    row.workspace_id = person.workspace_id
    row.display_name = person.display_name
    row.handle = person.handle
    row.handle_key = name_key(person.handle, "@")
    row.name_key = name_key(person.display_name)
    row.tz = person.tz
    row.role = person.role.value
    row.external = person.external
    row.working_days = _days_text(person.working_days)
    row.work_start = person.work_start
    row.work_end = person.work_end
    row.digest_time = person.digest_time
    row.digest_enabled = person.digest_enabled
    row.lang = person.lang
    row.holiday_country = person.holiday_country
    row.away_until = person.away_until
    row.digest_days = None if person.digest_days is None else _days_text(person.digest_days)
    row.next_digest_at = person.next_digest_at
    row.last_digest_at = person.last_digest_at


def to_person(row: PersonRow) -> Person:
    """The Person a row stores, without identities."""
    return Person(
        workspace_id=row.workspace_id,
        display_name=row.display_name,
        handle=row.handle,
        tz=row.tz,
        role=Role(row.role),
        external=row.external,
        working_days=_days(row.working_days),
        work_start=row.work_start,
        work_end=row.work_end,
        digest_time=row.digest_time,
        digest_enabled=row.digest_enabled,
        lang=row.lang,
        holiday_country=row.holiday_country,
        away_until=row.away_until,
        digest_days=None if row.digest_days is None else _days(row.digest_days),
        next_digest_at=row.next_digest_at,
        last_digest_at=row.last_digest_at,
        id=row.id,
    )


def _days_text(days: frozenset[int]) -> str:
    """Weekdays as "0,1,2,3,4" (Monday is 0); no days is the empty text."""
    return ",".join(str(day) for day in sorted(days))


def _days(text: str) -> frozenset[int]:
    return frozenset(int(day) for day in text.split(",") if day)
