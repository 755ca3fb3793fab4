"""The length limit of every free text Tandem accepts (documented in docs/limits.md)."""
from __future__ import annotations

from babel.numbers import format_decimal

from core.errors import InvalidInput
from core.i18n import Said, _, joined
from core.language.tokens import MAX_CHARS
from core.tasks import NOTES_LIMIT, TITLE_LIMIT

LINE = 5000  # a whole command line: the longest field (notes) plus the command around it
REQUEST = MAX_CHARS  # a request to read: /task add, @tandem …, /task revise
TITLE = TITLE_LIMIT
NOTES = NOTES_LIMIT
COMMENT = NOTES_LIMIT
REASON = 1000  # decline and cancel reasons
PROPOSAL = 1000  # a proposed date with its note
PERSON_NAME = 80
PROJECT_NAME = 60  # projects and goals, also those made by a #tag
SEARCH = 200  # search terms, list arguments, autocomplete text
PHRASE = 200  # a date, a duration, a repeat, a setting's value
WORD = 40  # a command's keyword: a view, a field, a setting
ZONE = 64  # an IANA time-zone name (the longest real one has 32 characters)


def within(text: str, limit: int, what: str, hint: str = "") -> str:
    """`text` if it has at most `limit` characters; otherwise a clear refusal naming the limit."""
    if len(text) > limit:
        said = _("That {what} is {length} characters; the limit is {limit}.", what=_(what), length=_number(len(text)),
                 limit=_number(limit))
        raise InvalidInput(joined([said, _(hint)], " ") if hint else said)
    return text


def _number(value: int) -> str:
    """5,000 in English, 5.000 in German, 5000 in Spanish and 5 000 in French."""
    return Said(lambda lang: format_decimal(value, locale=lang))
