"""The counts a roll-up is made of, per project, summed up for goals and the portfolio."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class WorkFigures:
    """Counts over tasks the reader may see (cancelled ones left out)."""

    total: int = 0
    done: int = 0
    committed: int = 0  # open, agreed, with a date
    unanswered: int = 0  # open requests waiting for an answer (asked or proposed)
    undated: int = 0  # open, no date
    overdue: int = 0  # open, past their date
    slipped: int = 0  # commitments done late or still open past their date
    after_target: int = 0  # open commitments whose date falls after the goal's target
    done_recent: int = 0  # done within the trend window
    added_recent: int = 0  # created within the trend window
    # The latest open commitment of each owner: what the promised finish rests on.
    latest_by_owner: dict[int, datetime] = field(default_factory=dict)

    @property
    def open(self) -> int:
        return self.total - self.done

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def unknown(self) -> int:
        """Open work with no agreed date: undated or still unanswered."""
        return self.undated + self.unanswered

    @property
    def promised(self) -> datetime | None:
        """The latest committed date among open tasks."""
        return max(self.latest_by_owner.values(), default=None)

    def plus(self, other: WorkFigures) -> WorkFigures:
        latest = dict(self.latest_by_owner)
        for owner, deadline in other.latest_by_owner.items():
            latest[owner] = max(deadline, latest.get(owner, deadline))
        return WorkFigures(
            self.total + other.total, self.done + other.done, self.committed + other.committed,
            self.unanswered + other.unanswered, self.undated + other.undated, self.overdue + other.overdue,
            self.slipped + other.slipped, self.after_target + other.after_target,
            self.done_recent + other.done_recent, self.added_recent + other.added_recent, latest,
        )


def summed(figures: Iterable[WorkFigures]) -> WorkFigures:
    """All of `figures` added up (a goal from its projects, the portfolio from its goals)."""
    total = WorkFigures()
    for one in figures:
        total = total.plus(one)
    return total
