"""Time zones named after a time of day: "3pm Eastern", "10:00 London time", "16:00 CET"."""
from __future__ import annotations

from functools import cache
from zoneinfo import available_timezones

from core.language.piece import word
from core.language.tokens import Token

# Abbreviations name the region's clock, summer or winter: "16:00 CET" in July is 16:00 in Berlin.
_NAMES = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "bst": "Europe/London", "uk": "Europe/London", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "eet": "Europe/Helsinki", "eest": "Europe/Helsinki",
    "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "sgt": "Asia/Singapore",
    "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
}
# Short words that are also ordinary words need "time" after them: "3pm UK time", never "3pm uk".
_NEEDS_TIME = {"uk", "z", "west"}
_TIME = {"time"}


@cache
def _cities() -> dict[str, str]:
    """'london' → Europe/London, 'new york' → America/New_York, from the zone database."""
    found: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            found.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return found


def zone_after(toks: list[Token], i: int) -> tuple[int, str] | None:
    """A zone named at token `i` (right after a time), and the index after it."""
    w = word(toks, i)
    if w in _NAMES:
        if word(toks, i + 1) in _TIME:
            return i + 2, _NAMES[w]
        if w not in _NEEDS_TIME:
            return i + 1, _NAMES[w]
    for size in (3, 2, 1):
        words = [word(toks, k) for k in range(i, i + size)]
        if all(words) and word(toks, i + size) in _TIME:
            zone = _cities().get(" ".join(words))
            if zone:
                return i + size + 1, zone
    return None
