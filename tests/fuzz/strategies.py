"""Arguments a person (or an attacker) might type: any Unicode, control characters, escapes, huge strings."""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HUGE = 1_000_000
settings.register_profile(
    "fuzz-ci", derandomize=True, deadline=None, max_examples=20, database=None, print_blob=True,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile("fuzz-long", parent=settings.get_profile("fuzz-ci"), derandomize=False, max_examples=500)
PROFILE = settings.get_profile(os.environ.get("TANDEM_FUZZ_PROFILE", "fuzz-ci"))

PIECES = st.sampled_from([
    "T-1", "T-2", "t1", "#1", "@bob", "@alice", "@zed", "#launch", "+label", "!high", "every", "monday",
    "friday", "tomorrow 3pm", "in 2 days", "-5h", "in -3 days", "9999-12-31", "0001-01-01", "2026-02-30",
    "every 31st of february", "Europe/Berlin", "\x00", "\x1b[31m", "\x1b]0;title\x07", "\u202e", "\u2066",
    "\u200d", "\u0301", "\r\n", "\t", "\ud800", "\x9b1m", "@tandem", "/task", ":", "'", '"', "%", "_", "\\",
    "' OR 1=1 --", "<script>", "&amp;", "*bold*", "<@U123>", "```",
])
ANY_CHARACTER = st.characters(exclude_categories=[])
UNSAFE_CHARACTER = st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Mn", "Me"])
WORDS = st.lists(st.one_of(PIECES, st.text(ANY_CHARACTER, max_size=8)), min_size=1, max_size=12).map(" ".join)
JOINTS = st.one_of(st.sampled_from(["\x00", "\x1b[2J", "\u202e", "\x9b", "\r", "\ud800", "\x07\x00"]),
                   st.text(UNSAFE_CHARACTER, min_size=1, max_size=3))
SPRINKLED = st.builds(lambda words, joint: joint.join(words.split(" ")), WORDS, JOINTS)
LARGE = st.builds(lambda unit, times: (unit * times)[:HUGE], st.text(ANY_CHARACTER, min_size=1, max_size=6),
                  st.integers(min_value=1, max_value=HUGE))
WITH_NUL = WORDS.map(lambda words: words.replace(" ", " \x00\x1b[0m", 1) + "\x00")  # PostgreSQL refuses a stored NUL
ARGUMENTS = st.one_of(st.text(ANY_CHARACTER, max_size=60), WORDS, SPRINKLED, WITH_NUL, LARGE)
