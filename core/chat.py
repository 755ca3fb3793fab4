"""Talking with Tandem outside commands: what a person's DMs last named, where they last used Tandem, and whether
a workspace's threads hear how their tasks went."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatSettings:
    """A workspace's conversation settings. `thread_updates`: answers to a task are posted in the thread it was
    asked in (on by default)."""

    workspace_id: int
    thread_updates: bool = True
