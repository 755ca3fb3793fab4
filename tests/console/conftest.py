"""Fixtures for dialog tests: a harness per test on a fresh database."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness

THURSDAY_EVENING = datetime(2026, 3, 26, 17, 30, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def chat(uow_factory: SqlUnitOfWorkFactory) -> ChatHarness:
    """A room in workspace acme, on Thursday 26 March 2026 at 17:30 in Berlin."""
    harness = ChatHarness(uow_factory, THURSDAY_EVENING)
    for name in ("alice", "bob", "carol"):
        harness.say(f"@{name}: hello")
    return harness


@pytest.fixture
def other_room(uow_factory: SqlUnitOfWorkFactory) -> Callable[[str], ChatHarness]:
    """Another workspace sharing the same database."""
    return lambda name: ChatHarness(uow_factory, THURSDAY_EVENING, workspace=name)
