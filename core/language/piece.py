"""What a deadline phrase means before it is placed in time, and the context it is read in."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.language.tokens import Token


@dataclass(frozen=True)
class Workday:
    """The speaker's working hours and days (0 = Monday), when the reader knows them."""

    start: time = time(9)
    end: time = time(17, 30)
    days: frozenset[int] = frozenset(range(5))


@dataclass(frozen=True)
class Ctx:
    """The moment and zone a phrase is read in; `local` is naive wall time in `tz`.

    `workday` is None when the speaker's hours are unknown (then "end of day" is a date).
    """

    now: datetime
    tz: str
    workday: Workday | None = None
    local: datetime = field(init=False)

    def __post_init__(self) -> None:
        # Aware arithmetic in a ZoneInfo zone is wall-clock arithmetic; keep `now` in UTC.
        object.__setattr__(self, "now", self.now.astimezone(UTC))
        object.__setattr__(self, "local", self.now.astimezone(ZoneInfo(self.tz)).replace(tzinfo=None))

    @property
    def today(self) -> date:
        return self.local.date()

    @property
    def hours(self) -> Workday:
        return self.workday or Workday()


@dataclass
class Piece:
    """Parts read so far: a day, a clock time, an absolute shift, a recurrence.

    `roll` is how many days to move a wall-clock time that would otherwise lie in the past;
    `weak` pieces ("fri", "the 5th") are read only after a trigger word such as "by" or "on";
    `strong` ones ("tomorrow", "in 2 days", "every Monday") are read anywhere outside quotes.
    `zone` is a zone named with the time ("3pm Eastern"); `start`, `until`, `count` and `lasting`
    ("for 6 weeks") bound a rule.
    """

    day: date | None = None
    clock: time | None = None
    soft_clock: bool = False
    shift: timedelta | None = None
    rule: str | None = None
    roll: int = 0
    weak: bool = False
    strong: bool = False
    zone: str | None = None
    start: date | None = None
    until: date | None = None
    count: int | None = None
    lasting: tuple[int, str] | None = None

    def merge(self, other: Piece) -> bool:
        """Add `other`'s parts if they do not clash; report whether it was taken."""
        if self.shift or other.shift or other.rule or (other.day and (self.day or self.rule)):
            return False
        if other.clock and self.clock and not self.soft_clock:
            return False
        if other.day:
            self.day, self.roll = other.day, other.roll
        if other.clock:
            self.clock, self.soft_clock, self.zone = other.clock, other.soft_clock, other.zone
            if self.day is None:
                self.roll = other.roll
        self.strong = self.strong or other.strong
        self.weak = self.weak and other.weak
        return True


Match = tuple[int, Piece]


def word(toks: list[Token], i: int) -> str:
    """The lower-case word at `i`, or "" past the end or inside quotes."""
    if 0 <= i < len(toks) and not toks[i].quoted:
        return toks[i].low
    return ""


def in_days(today: date, n: int) -> date:
    return today + timedelta(days=n)
