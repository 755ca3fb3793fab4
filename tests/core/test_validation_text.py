"""Cleaning text on the way in, and telling look-alike names apart."""
from __future__ import annotations

import pytest

from core.validation.names import skeleton
from core.validation.text import clean, shorten


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("\x1b[1;31mred\x1b[0m", "red"),
        ("\x1b]0;pwned\x07title", "title"),
        ("\x1b]8;;http://x\x1b\\link", "link"),
        ("\x9b2Jclear", "clear"),
        ("a\x00b\x07c\x7fd\x85e", "abcde"),
        ("\u202egnp.exe\u202c and \u2066x\u2069", "gnp.exe and x"),
        ("one\r\ntwo\rthree", "one\ntwo\nthree"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_control_characters_escapes_and_overrides_are_removed(typed: str, kept: str) -> None:
    assert clean(typed) == kept


def test_what_scripts_and_emoji_need_is_kept() -> None:
    text = "👨\u200d👩\u200d👧 Cafe\u0301 می\u200cخواهم \u200fשלום\u200e"
    assert clean(text) == text


def test_an_echo_is_shortened_with_an_ellipsis() -> None:
    assert shorten("x" * 100) == "x" * 39 + "…"
    assert shorten("short") == "short"


def test_look_alike_names_share_a_skeleton_and_different_names_do_not() -> None:
    assert skeleton("\u0430lice") == skeleton("alice") == skeleton("ALICE")
    assert skeleton("alicia") != skeleton("alice")
    assert skeleton("𝔭𝒶𝕪𝕡𝕒ℓ") == skeleton("paypal")
    assert skeleton("arnie") == skeleton("amie")  # "rn" and "m" look alike in TR 39
