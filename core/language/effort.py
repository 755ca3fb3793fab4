"""Effort estimates: `~30m`, `~2h`, `~1d`, `~1.5d`, read into minutes (a day is the speaker's working day)."""
from __future__ import annotations

import re

from core.errors import InvalidInput
from core.i18n import N_, _
from core.language.piece import Workday
from core.language.tokens import Token

DEFAULT_DAY_MINUTES = 8 * 60  # a day of work when the speaker's working hours are not known
MAX_DAYS = 30  # one task estimated at more than this is several tasks
ESTIMATE = re.compile(r"^~(?P<amount>\d{1,5}(?:[.,]\d{1,2})?)(?P<unit>m|min|mins|h|hr|hrs|d)$", re.IGNORECASE)
MINUTES_PER = {"m": 1, "min": 1, "mins": 1, "h": 60, "hr": 60, "hrs": 60}
IN_TEXT = re.compile(r"(?<!\S)~\d{1,5}(?:[.,]\d{1,2})?(?:mins|min|hrs|hr|m|h|d)(?=[\s.,;:!?)]|$)", re.IGNORECASE)
HOW = N_("Write an estimate as ~30m, ~2h, ~1d or ~1.5d.")


def day_minutes(workday: Workday | None) -> int:
    """The length of a day of work: the speaker's working hours, or 8 hours when they are not known."""
    if workday is None:
        return DEFAULT_DAY_MINUTES
    start, end = workday.start, workday.end
    length = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    return length if 60 <= length <= 24 * 60 else DEFAULT_DAY_MINUTES


def read_estimate(text: str, workday: Workday | None = None) -> int | None:
    """Minutes of work `text` estimates ("~2h" -> 120), None when it is no estimate; out of bounds is an error."""
    found = ESTIMATE.match(text.strip())
    if found is None:
        return None
    amount = float(found["amount"].replace(",", "."))
    unit = found["unit"].lower()
    day = day_minutes(workday)
    minutes = round(amount * (day if unit == "d" else MINUTES_PER[unit]))
    if minutes < 1:
        raise InvalidInput(_("An estimate needs some work in it. {how}", how=_(HOW)))
    if minutes > MAX_DAYS * day:
        raise InvalidInput(_("{estimate} is more than {days} days of work for one task. Split it into smaller tasks, "
                             "each with its own estimate.", estimate=text.strip()[:20], days=MAX_DAYS))
    return minutes


def take_estimate(text: str, toks: list[Token], workday: Workday | None = None) -> tuple[int | None, str]:
    """The first estimate in a request, outside quotes (`toks` are the request's tokens, which know them), and the
    request with it blanked out (same length, so every other word keeps its place and the title stays clean)."""
    for found in IN_TEXT.finditer(text):
        if any(tok.quoted and tok.start <= found.start() < tok.end for tok in toks):
            continue
        minutes = read_estimate(found[0], workday)
        if minutes is not None:
            return minutes, text[:found.start()] + " " * len(found[0]) + text[found.end():]
    return None, text


def estimate_words(minutes: int) -> str:
    """"~30m", "~2h", "~1h 30m": an estimate as people write it, in hours and minutes."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"~{rest}m"
    return f"~{hours}h" if not rest else f"~{hours}h {rest}m"
