"""Repeats read back in words, never as rule text."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core.due import Due
from core.repeat_words import repeat_words

BERLIN = "Europe/Berlin"


@pytest.mark.parametrize(
    ("rule", "due", "words"),
    [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", None, "every other Monday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Due.instant(datetime(2026, 3, 27, 8, 15, tzinfo=UTC), BERLIN),
         "every weekday at 9:15"),
        ("FREQ=MONTHLY;INTERVAL=2", Due.date_(date(2026, 4, 5), BERLIN), "every 2 months on the 5th"),
        ("FREQ=MONTHLY;BYDAY=-1FR", None, "every month on the last Friday"),
        ("FREQ=MONTHLY;BYDAY=+1MO", None, "every month on the first Monday"),
        ("FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261220T235959Z", None, "every Tuesday and Thursday until 20 December 2026"),
        ("FREQ=WEEKLY;INTERVAL=3", Due.date_(date(2026, 3, 26), BERLIN), "every 3 weeks on Thursday"),
        ("FREQ=YEARLY", Due.date_(date(2027, 3, 3), BERLIN), "every year on 3 March"),
        ("FREQ=DAILY;INTERVAL=30", None, "every 30 days"),
        ("FREQ=DAILY;COUNT=5", None, "every day, 5 times"),
        ("FREQ=MONTHLY;BYMONTHDAY=22", None, "every month on the 22nd"),
        ("FREQ=SECONDLY", None, "on a repeating schedule"),
    ],
)
def test_a_repeat_reads_in_words(rule: str, due: Due | None, words: str) -> None:
    assert repeat_words(rule, due, BERLIN) == words
