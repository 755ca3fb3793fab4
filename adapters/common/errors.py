"""One error policy for every adapter: known errors shown as they are, others as a reference id."""
from __future__ import annotations

import logging
from collections.abc import Callable

from core.errors import DomainError, new_reference_id
from core.outcome import Reply

log = logging.getLogger("tandem.errors")


def safely(work: Callable[[], Reply]) -> Reply:
    """Run `work`; turn a DomainError into its message and anything else into a logged reference id."""
    try:
        return work()
    except DomainError as error:
        return Reply(error.user_message)
    except Exception as error:
        return Reply(unexpected(error))


def unexpected(error: BaseException) -> str:
    """Log an unexpected error under a new reference id; the words to show the person instead of a traceback."""
    reference = new_reference_id()
    log.error("unexpected error %s", reference, exc_info=error)
    return (f"Sorry, something went wrong on my side (reference {reference}). "
            "Nothing was changed. Please try again, or tell your admin the reference.")
