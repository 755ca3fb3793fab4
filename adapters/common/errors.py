"""One error policy for every adapter: known errors shown as they are, others as a reference id."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from core.errors import DomainError, new_reference_id
from core.i18n import _
from core.outcome import Reply

log = logging.getLogger("tandem.errors")


@dataclass(frozen=True)
class Answered:
    """A reply, and whether it explains an error instead of reporting what was done."""

    reply: Reply
    error: bool = False


def answered(work: Callable[[], Reply]) -> Answered:
    """Run `work`; a DomainError becomes its message, anything else a logged reference id (both errors)."""
    try:
        return Answered(work())
    except DomainError as error:
        return Answered(Reply(error.user_message), error=True)
    except Exception as error:
        return Answered(Reply(unexpected(error)), error=True)


def safely(work: Callable[[], Reply]) -> Reply:
    """Run `work`; turn a DomainError into its message and anything else into a logged reference id."""
    return answered(work).reply


def unexpected(error: BaseException) -> str:
    """Log an unexpected error under a new reference id; the words to show the person instead of a traceback."""
    reference = new_reference_id()
    log.error("unexpected error %s", reference, exc_info=error)
    return _("Sorry, something went wrong on my side (reference {reference}). Nothing was changed. Please try again, "
             "or tell your admin the reference.", reference=reference)
