"""Commitment health: kept on time, renegotiations, time to answer, open load."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

MONTH, QUARTER = timedelta(days=30), timedelta(days=90)
# Activity verbs the negotiation handlers log: an owner's first answer, and a date asked for again.
ANSWERS = frozenset({"accepted,", "accepted", "proposed", "declined"})
RENEGOTIATIONS = frozenset({"proposed", "countered with"})


@dataclass(frozen=True)
class Commitment:
    """A commitment that came due: its owner, the agreed instant and when it was done (if it was)."""

    owner_id: int
    deadline: datetime
    completed_at: datetime | None

    def kept(self) -> bool:
        return self.completed_at is not None and self.completed_at <= self.deadline


@dataclass(frozen=True)
class Request:
    """A request someone was asked: when, when they first answered, and how often its date was renegotiated."""

    asked_at: datetime
    answered_at: datetime | None
    renegotiations: int


@dataclass(frozen=True)
class Health:
    """One person's or one project's commitment record."""

    kept_month: int
    due_month: int
    kept_quarter: int
    due_quarter: int
    renegotiations_per_task: float | None
    median_answer: timedelta | None
    open_load: int


def kept_counts(commitments: Iterable[Commitment], since: datetime, now: datetime) -> tuple[int, int]:
    """(kept on time, came due) among commitments whose date fell in (since, now]."""
    due = [c for c in commitments if since < c.deadline <= now]
    return sum(1 for c in due if c.kept()), len(due)


def health(commitments: Sequence[Commitment], requests: Sequence[Request], open_load: int,
           now: datetime) -> Health:
    """The record over the last 30 and 90 days."""
    kept_month, due_month = kept_counts(commitments, now - MONTH, now)
    kept_quarter, due_quarter = kept_counts(commitments, now - QUARTER, now)
    answers = [r.answered_at - r.asked_at for r in requests if r.answered_at is not None]
    renegotiations = sum(r.renegotiations for r in requests) / len(requests) if requests else None
    return Health(kept_month, due_month, kept_quarter, due_quarter, renegotiations,
                  _median(answers), open_load)


def _median(values: list[timedelta]) -> timedelta | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
