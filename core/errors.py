"""One error policy: domain errors carry a message for the person; anything else is unexpected."""
from __future__ import annotations

from core.requests import current_request, new_request_id


class DomainError(Exception):
    """A known failure whose message is safe and helpful to show to the person who spoke."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NotFound(DomainError):
    """The thing named does not exist, or the speaker may not know that it does."""


class NotAllowed(DomainError):
    """The speaker may not do this."""


class InvalidInput(DomainError):
    """The words could not be understood; the message says how to do it right."""


class Conflict(DomainError):
    """The request clashes with the current state (e.g. accepting a task already done)."""


def new_reference_id() -> str:
    """A short id to show for an unexpected error, so the log entry can be found: the id of the request being
    served (which every log line of that request carries), or a new one outside any request."""
    request = current_request()
    return request.id if request is not None else new_request_id()
