"""Reading a direct message to Tandem: "what's on my plate?", "done with T-3", "move T-4 to Monday",
"snooze that 2 hours", "yes, by Thursday". Anything else is left to the request reader."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Intent(StrEnum):
    PLATE = "plate"  # what's mine
    SHOW = "show"
    DONE = "done"
    MOVE = "move"  # a new due date
    SNOOZE = "snooze"
    ACCEPT = "accept"
    DECLINE = "decline"
    CANCEL = "cancel"  # deletes work: always confirmed
    OTHER = "other"  # not one of these: maybe a request


@dataclass(frozen=True)
class DmReading:
    """What a DM asks. `number` is the T-n named, None when the task is meant by "that", "it" or nothing."""

    intent: Intent
    number: int | None = None
    when: str = ""
    note: str = ""

    @property
    def changes_work(self) -> bool:
        return self.intent not in (Intent.PLATE, Intent.SHOW, Intent.OTHER)


_REF = r"(?:(?:t-?|#)(?P<ref>\d+)|that(?: one| task)?|this(?: one)?|it)"
_OPT_REF = rf"(?:\s+{_REF})?"
_SEP = r"[\s,.:;!—-]*"
_PATTERNS: tuple[tuple[Intent, re.Pattern[str]], ...] = tuple((intent, re.compile(pattern, re.IGNORECASE)) for
                                                               intent, pattern in (
    (Intent.PLATE, r"(?:what'?s|what is|whats) (?:on my plate|(?:on )?my (?:list|plate)|next|due|mine|for me)"
                   r"(?: today| this week)?|what do i (?:have|owe)(?: to do)?(?: today| this week)?|"
                   r"(?:show |list )?my (?:tasks|work|list|plate)|what am i (?:on|doing)|(?:my )?to-?dos?|"
                   r"anything for me|plate"),
    (Intent.SHOW, rf"(?:show(?: me)?|what about|status of|how is|how's)\s+{_REF}"),
    (Intent.DONE, rf"(?:i'?m |i am |all )?(?:done|finished|completed?)(?: with)?{_OPT_REF}{_SEP}(?P<note>.*)"),
    (Intent.DONE, rf"(?:mark )?{_REF}(?: is| as)? (?:done|finished|complete[d]?){_SEP}(?P<note>.*)"),
    (Intent.MOVE, rf"(?:move|push|reschedule|postpone|shift|change)(?: the date of| the due date of)?"
                  rf"{_OPT_REF}\s+(?:to|until|till|back to|out to)\s+(?P<when>.+)"),
    (Intent.MOVE, rf"{_REF}\s+(?:is )?(?:now )?due\s+(?P<when>.+)"),
    (Intent.SNOOZE, rf"(?:snooze|remind me (?:about|of))(?:\s+{_REF})?(?:\s+(?:for|until|till|by|in))?"
                    rf"\s*(?P<when>.*)"),
    (Intent.ACCEPT, rf"(?:yes|yep|yeah|yup|sure|ok|okay|accept(?:ed)?|will do|deal|sounds good|i can do (?:it|that))"
                    rf"(?:\s+{_REF})?{_SEP}(?:(?:by|on|for|until|till|before)\s+(?P<when>.+))?"),
    (Intent.DECLINE, rf"(?:no|nope|sorry)(?:\s+{_REF})?(?:[,.:;!—-]+\s*(?P<note>.*))?"),
    (Intent.DECLINE, rf"(?:decline|i can'?t do (?:it|that)|i cannot do (?:it|that))"
                     rf"(?:\s+{_REF})?{_SEP}(?P<note>.*)"),
    (Intent.CANCEL, rf"(?:cancel|delete|drop|remove|scrap)\s+{_REF}{_SEP}(?P<note>.*)"),
))
_REF_ANYWHERE = re.compile(r"\b(?:t-?|#)(\d+)\b", re.IGNORECASE)
DM_LIMIT = 500  # a DM longer than this is not a quick instruction: it is read as a request


def read_dm(text: str) -> DmReading:
    """The intent of a short DM, the task it names (if any), and its date or note words as said."""
    said = " ".join(text.split()).strip().rstrip("?!.")
    if not said or len(said) > DM_LIMIT:
        return DmReading(Intent.OTHER)
    for intent, pattern in _PATTERNS:
        found = pattern.fullmatch(said)
        if found is not None:
            return _reading(intent, found)
    return DmReading(Intent.OTHER)


def _reading(intent: Intent, found: re.Match[str]) -> DmReading:
    groups = found.groupdict()
    number = int(groups["ref"]) if groups.get("ref") else None
    note = (groups.get("note") or "").strip()
    when = (groups.get("when") or "").strip()
    if number is None and intent in (Intent.DONE, Intent.DECLINE, Intent.CANCEL):
        named = _REF_ANYWHERE.search(note)  # "done, T-3 shipped" names the task in what follows
        if named is not None and intent is not Intent.DECLINE:
            number, note = int(named.group(1)), (note[:named.start()] + note[named.end():]).strip(" ,.:;-")
    return DmReading(intent, number, when, note)
