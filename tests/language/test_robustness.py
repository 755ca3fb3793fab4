"""Any text at all is read quickly and without crashing; only over-long text is refused."""
from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InvalidInput
from core.language import parse_request, parse_when

NOW = datetime(2026, 10, 23, 16, 0, tzinfo=ZoneInfo("America/New_York"))
BOUND = 1.0  # seconds: catches runaway parses (backtracking), not a benchmark; typical is 0.2 ms
WORDS = st.sampled_from([
    "@sam", "every", "other", "next", "the", "5th", "by", "at", "on", "in", "9", "3pm", "12:99", "99:00",
    "tomorrow", "friday", "fri", "of", "month", "last", "day", '"', "“", "#", "+", "!", "p1", "2026-02-30",
    "2026-13-01", "0", "9999", "31st", "feb", "30", "weeks", "h", "m", "2h", "half", "an", "hour", ",",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=40).map(" ".join),
    st.text(alphabet="0123456789/:-.", max_size=200),
    st.text(alphabet=st.characters(categories=["P", "S", "Zs"]), max_size=200),
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_any_text_is_read_without_error_and_quickly(text: str) -> None:
    start = time.perf_counter()
    reading = parse_request(text, now=NOW, tz="America/New_York")
    assert time.perf_counter() - start < BOUND
    assert isinstance(reading.title, str)
    if reading.due is not None:
        assert reading.due.wire()


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=8).map(" ".join))
def test_parse_when_either_reads_a_deadline_or_raises_invalid_input(text: str) -> None:
    start = time.perf_counter()
    try:
        parse_when(text, now=NOW, tz="America/New_York")
    except InvalidInput as exc:
        assert exc.user_message
    assert time.perf_counter() - start < 5 * BOUND  # the dateparser fallback may run


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=2001, max_size=3000))
def test_over_long_text_is_always_refused_with_invalid_input(text: str) -> None:
    try:
        parse_request(text, now=NOW, tz="America/New_York")
    except InvalidInput:
        return
    raise AssertionError("long text was read")
