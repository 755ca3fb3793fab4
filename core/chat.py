"""Talking with Tandem outside commands: what a person's DMs last named, where they last used Tandem, and whether
a workspace's threads hear how their tasks went."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatSettings:
    """A workspace's conversation settings. `thread_updates`: answers to a task are posted in the thread it was
    asked in (on by default)."""

    workspace_id: int
    thread_updates: bool


@dataclass(frozen=True)
class Place:
    """A workspace a platform user knows Tandem in: its id on the platform (a Discord server id) and its name."""

    external_id: str
    name: str


@dataclass(frozen=True)
class Places:
    """Where a platform user's DMs may act: the workspace they last used Tandem in (if any), and all they're in."""

    last: Place | None
    known: tuple[Place, ...] = ()
