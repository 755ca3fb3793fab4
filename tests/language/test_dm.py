"""The DM reader: which short messages to Tandem mean what, and which are left to the request reader."""
from __future__ import annotations

import pytest

from core.language.dm import DmReading, Intent, read_dm


@pytest.mark.parametrize(("said", "meant"), [
    ("what's on my plate?", DmReading(Intent.PLATE)),
    ("What do I have today", DmReading(Intent.PLATE)),
    ("my tasks", DmReading(Intent.PLATE)),
    ("done with T-3", DmReading(Intent.DONE, 3)),
    ("Done with t3 — shipped it", DmReading(Intent.DONE, 3, note="shipped it")),
    ("T-12 is done", DmReading(Intent.DONE, 12)),
    ("done", DmReading(Intent.DONE)),
    ("finished that", DmReading(Intent.DONE)),
    ("move T-4 to Monday", DmReading(Intent.MOVE, 4, when="Monday")),
    ("push it to next friday 3pm", DmReading(Intent.MOVE, None, when="next friday 3pm")),
    ("T-4 due tomorrow", DmReading(Intent.MOVE, 4, when="tomorrow")),
    ("snooze that 2 hours", DmReading(Intent.SNOOZE, None, when="2 hours")),
    ("snooze T-8 until tomorrow 9am", DmReading(Intent.SNOOZE, 8, when="tomorrow 9am")),
    ("accept", DmReading(Intent.ACCEPT)),
    ("yes, by Thursday", DmReading(Intent.ACCEPT, when="Thursday")),
    ("accept T-5 by friday", DmReading(Intent.ACCEPT, 5, when="friday")),
    ("sure!", DmReading(Intent.ACCEPT)),
    ("no, I'm out that week", DmReading(Intent.DECLINE, note="I'm out that week")),
    ("decline T-2: no budget", DmReading(Intent.DECLINE, 2, note="no budget")),
    ("cancel T-9", DmReading(Intent.CANCEL, 9)),
    ("show T-7", DmReading(Intent.SHOW, 7)),
])
def test_short_messages_are_read_as_what_they_ask(said: str, meant: DmReading) -> None:
    assert read_dm(said) == meant


@pytest.mark.parametrize("said", [
    "@alice send the report by friday",
    "remind me to water the plants every monday",
    "no worries about the dinner plans, I moved them",
    "yesterday was great",
    "donate to the charity drive",
    "",
    "x" * 600,
])
def test_anything_else_is_left_to_the_request_reader(said: str) -> None:
    assert read_dm(said).intent is Intent.OTHER


def test_only_changes_to_work_need_a_confirmation() -> None:
    assert read_dm("done with T-3").changes_work
    assert read_dm("cancel that").changes_work
    assert not read_dm("what's on my plate").changes_work
    assert not read_dm("show T-3").changes_work
