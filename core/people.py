"""Workspaces and the people in them, with their zones, working hours and roles."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

FORMER_MEMBER = "a former member"  # how a forgotten person is shown, in every task they took part in
FORGOTTEN_HANDLE = "former-member-"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Role(StrEnum):
    MEMBER = "member"
    GUEST = "guest"
    ADMIN = "admin"


@dataclass(frozen=True)
class PersonDefaults:
    """What a newcomer starts with (app.yaml `defaults`), until they change it."""

    tz: str = "UTC"
    working_days: frozenset[int] = frozenset(range(5))
    work_start: time = time(9, 0)
    work_end: time = time(17, 30)
    digest_time: time = time(9, 0)
    lang: str = "en"
    holiday_country: str | None = None
    thread_updates: bool = True  # a workspace's follow-through in threads, until an admin changes it


@dataclass
class Workspace:
    """A Slack team, a Discord server or a console room. Workspaces never see each other."""

    platform: str
    external_id: str
    name: str
    default_tz: str = "UTC"
    holiday_country: str | None = None
    # What newcomers start with when an admin set it (None: app.yaml's defaults).
    working_days: frozenset[int] | None = None
    work_start: time | None = None
    work_end: time | None = None
    digest_time: time | None = None
    lang: str | None = None
    id: int | None = None


@dataclass
class Person:
    """Someone who asks for and commits to work, in one workspace."""

    workspace_id: int
    display_name: str
    handle: str
    tz: str = "UTC"
    role: Role = Role.MEMBER
    external: bool = False
    working_days: frozenset[int] = frozenset(range(5))
    work_start: time = time(9, 0)
    work_end: time = time(17, 30)
    digest_time: time = time(9, 0)
    digest_enabled: bool = True
    lang: str = "en"
    holiday_country: str | None = None
    lang_chosen: bool = False  # said with /task settings language: the platform's locale no longer changes it
    away_until: date | None = None
    digest_days: frozenset[int] | None = None
    next_digest_at: datetime | None = None
    last_digest_at: datetime | None = None
    admin_grant: bool = False  # made an admin in Tandem (kept when the platform's roles are refreshed)
    deactivated_at: datetime | None = None
    id: int | None = None
    identities: dict[str, str] = field(default_factory=dict)

    @property
    def is_limited(self) -> bool:
        """Guests and people from other organisations see only work they take part in."""
        return self.role is Role.GUEST or self.external

    @property
    def is_admin(self) -> bool:
        """Platform admins and owners, and people an admin promoted in Tandem; never while deactivated."""
        return (self.role is Role.ADMIN or self.admin_grant) and self.active

    @property
    def active(self) -> bool:
        return self.deactivated_at is None

    @property
    def digest_weekdays(self) -> frozenset[int]:
        """The days the digest comes: its own setting, else the working days."""
        return self.working_days if self.digest_days is None else self.digest_days

    def is_away(self, day: date) -> bool:
        return self.away_until is not None and day <= self.away_until

    @property
    def forgotten(self) -> bool:
        """An admin erased this person's personal data; only their anonymous place in tasks is left."""
        return self.deactivated_at is not None and self.handle.startswith(FORGOTTEN_HANDLE)

    @property
    def mention(self) -> str:
        return FORMER_MEMBER if self.forgotten else f"@{self.handle}"


def handle_for(display_name: str) -> str:
    """A mention-friendly handle: lower case, no spaces ("Ana María" -> "ana.maría")."""
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "." for ch in display_name.strip().lower())
    return ".".join(part for part in cleaned.split(".") if part) or "someone"


def format_days(days: frozenset[int]) -> str:
    """Working days as text: "mon-fri", "mon,wed,fri"."""
    ordered = sorted(days)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{WEEKDAYS[ordered[0]]}-{WEEKDAYS[ordered[-1]]}"
    return ",".join(WEEKDAYS[d] for d in ordered)
