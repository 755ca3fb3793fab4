"""People the core resolved for platform identities, remembered so a message costs no write transaction."""
from __future__ import annotations

import asyncio
import operator
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from core.identity import Identity
from core.people import Person


@dataclass
class KnownPeople:
    """(workspace, user) -> Person, trusted for `ttl` seconds while the platform still `agrees` about them."""

    ttl: float
    clock: Callable[[], float] = time.monotonic
    agrees: Callable[[Identity, Identity], bool] = operator.eq  # (remembered, said now)
    _known: dict[tuple[str, str], tuple[float, Identity, Person]] = field(default_factory=dict)
    _first_sight: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def person(self, who: Identity, resolve: Callable[[Identity], Awaitable[Person]]) -> Person:
        """The remembered person, or `resolve(who)`: one first sighting per workspace at a time, so concurrent
        first messages don't race to create the same person."""
        found = self._get(who)
        if found is not None:
            return found
        async with self._first_sight.setdefault(who.workspace_external_id, asyncio.Lock()):
            found = self._get(who)  # someone else may have just resolved them
            if found is None:
                found = await resolve(who)
                self._known[_key(who)] = (self.clock() + self.ttl, who, found)
            return found

    def forget(self, workspace: str, user: str) -> None:
        self._known.pop((workspace, user), None)

    def _get(self, who: Identity) -> Person | None:
        cached = self._known.get(_key(who))
        if cached is None or cached[0] <= self.clock() or not self.agrees(cached[1], who):
            return None
        return cached[2]


def _key(who: Identity) -> tuple[str, str]:
    return who.workspace_external_id, who.user_external_id
