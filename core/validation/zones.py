"""Time-zone names: IANA names only, any letter case, with a "did you mean" for near misses."""
from __future__ import annotations

import difflib
from functools import cache
from zoneinfo import available_timezones

from core.errors import InvalidInput
from core.i18n import N_, _
from core.validation import limits
from core.validation.text import clean, shorten

EXAMPLE = N_("Use an IANA name like Europe/Berlin or America/New_York.")


@cache
def _zones() -> dict[str, str]:
    """Every IANA zone this machine knows, by its lower-case name."""
    return {name.lower(): name for name in available_timezones()}


def zone_name(value: str) -> str:
    """The IANA name `value` spells (in any letter case); a refusal with the nearest names otherwise."""
    text = clean(value).strip()
    limits.within(text, limits.ZONE, N_("time-zone name"), EXAMPLE)

    known = _zones().get(text.lower())
    if known is not None:
        return known
    close = difflib.get_close_matches(text.lower(), list(_zones()), n=1, cutoff=0.6)
    if close:
        raise InvalidInput(_("'{text}' is not a time zone I know. Did you mean {zone}? {example}", text=shorten(text),
                             zone=_zones()[close[0]], example=_(EXAMPLE)))
    raise InvalidInput(_("'{text}' is not a time zone I know. {example}", text=shorten(text), example=_(EXAMPLE)))
