"""Teams: platform groups (Slack user groups, Discord roles, console groups) and open requests any member may claim."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from core.i18n import _
from core.outcome import Action, Card


class Intake(StrEnum):
    """How a group takes requests: anyone claims (open), or Tandem hands them out in turn (round-robin)."""

    OPEN = "open"
    ROUND_ROBIN = "round-robin"


@dataclass
class Group:
    """A named group of people on one platform (`external_id`: Slack S…, a Discord role id, a console name)."""

    workspace_id: int
    external_id: str
    handle: str
    intake: Intake = Intake.OPEN
    id: int | None = None

    @property
    def mention(self) -> str:
        return f"@{self.handle}"


@dataclass(frozen=True)
class GroupFacts:
    """What an adapter read about a group; `members` (platform user ids) None when the platform won't list them."""

    platform: str
    workspace_external_id: str
    external_id: str
    name: str
    members: tuple[str, ...] | None = None


@dataclass
class TeamRequest:
    """A task asked of a group, open in `conversation` until one member claims it."""

    workspace_id: int
    task_id: int
    group_id: int
    requester_id: int
    conversation: str | None
    created_at: datetime
    claimed_by: int | None = None
    claimed_at: datetime | None = None
    follow_up_at: datetime | None = None
    nudges: int = 0
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.claimed_by is None


def group_handle(name: str) -> str:
    """A group's name as one word that a request can mention: "Design Team" -> "design-team"."""
    words = re.sub(r"[^\w.\-]+", "-", name.strip().lstrip("@").lower()).strip("-")
    return words[:80] or "group"


SOMEONE_FROM = re.compile(r"^(?:some(?:one|body)|any(?:one|body))\s+(?:from|in|of|on)\s+", re.IGNORECASE)


def team_title(title: str) -> str:
    """The request's title without "someone from" (what is left once the group's mention is read out)."""
    return SOMEONE_FROM.sub("", title).strip() or title


def open_card(card: Card, group: Group) -> Card:
    """A task's card with the group in the owner's place while nobody has claimed it."""
    owner = _("Owner")
    fields = tuple((owner, _("anyone in {group} (open)", group=group.mention)) if label == owner else (label, value)
                   for label, value in card.fields)
    return Card(card.heading, fields, card.ref)


def claim_actions(ref: str) -> tuple[Action, ...]:
    """The Claim button of an open request."""
    return (Action("claim", _("Claim"), f"/task claim {ref}", "primary"),)
