"""What the deliverer needs from storage: a unit of work whose outbox can claim and mark entries."""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from types import TracebackType
from typing import Protocol, Self

from core.cards import PostedCard
from core.outbox import OutboxEntry
from core.people import Person, Workspace


class DeliveryOutbox(Protocol):
    """The outbox as the deliverer sees it: leased claims and one mark per attempt."""

    def claim(self, limit: int, now: datetime, worker: str, lease: timedelta, *,
              platforms: Collection[str] | None = None, real_now: datetime | None = None) -> list[OutboxEntry]: ...
    def renew(self, entry_ids: Collection[int], worker: str, until: datetime) -> int: ...
    def mark_sent(self, entry_id: int, now: datetime) -> None: ...
    def mark_retry(self, entry_id: int, when: datetime, error: str) -> None: ...
    def mark_failed(self, entry_id: int, error: str) -> None: ...
    def release(self, worker: str) -> int: ...


class DeliveryCards(Protocol):
    def add(self, card: PostedCard) -> None: ...


class DeliveryWorkspaces(Protocol):
    def get(self, workspace_id: int) -> Workspace | None: ...


class DeliveryPeople(Protocol):
    def many(self, person_ids: Iterable[int]) -> dict[int, Person]: ...


class DeliveryUnitOfWork(Protocol):
    """A unit of work with the outbox's delivery side (SqlUnitOfWork has it as `delivery`)."""

    @property
    def workspaces(self) -> DeliveryWorkspaces: ...
    @property
    def people(self) -> DeliveryPeople: ...
    @property
    def delivery(self) -> DeliveryOutbox: ...
    @property
    def cards(self) -> DeliveryCards: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...


class DeliveryUnitOfWorkFactory(Protocol):
    def __call__(self) -> DeliveryUnitOfWork: ...
