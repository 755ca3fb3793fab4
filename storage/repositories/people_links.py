"""Sets of people linked to a row (task watchers, project members): loaded in one query, saved as a diff."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session


class PeopleLinks:
    """The link table `owner` → `person` (e.g. TaskWatcherRow.task_id → TaskWatcherRow.person_id)."""

    def __init__(self, session: Session, owner: InstrumentedAttribute[int],
                 person: InstrumentedAttribute[int]) -> None:
        self._session, self._owner, self._person = session, owner, person
        self._table: Any = owner.class_

    def load(self, owner_ids: Sequence[int]) -> defaultdict[int, set[int]]:
        """Everyone linked to each of `owner_ids`, in one query."""
        found: defaultdict[int, set[int]] = defaultdict(set)
        if not owner_ids:
            return found
        pairs = self._session.execute(select(self._owner, self._person).where(self._owner.in_(owner_ids)))
        for owner_id, person_id in pairs:
            found[owner_id].add(person_id)
        return found

    def replace(self, owner_id: int, wanted: set[int]) -> None:
        """Make the links of `owner_id` exactly `wanted`, touching only what changed."""
        current = self.load([owner_id])[owner_id]
        if gone := current - wanted:
            self._session.execute(delete(self._table).where(self._owner == owner_id, self._person.in_(gone)))
        if new := wanted - current:
            rows = [{self._owner.key: owner_id, self._person.key: person} for person in sorted(new)]
            self._session.execute(insert(self._table), rows)
