"""How people are matched by what others call them: exact handle or name, or a whole-word prefix."""
from __future__ import annotations

from sqlalchemy import ColumnElement, case, or_

from storage.repositories.keys import escape_like
from storage.rows import PersonRow

HANDLE_SEPARATORS = (".", "\\_", "-")


def called(key: str) -> ColumnElement[bool]:
    """The handle or name is `key`, or starts with it as a whole word."""
    word = escape_like(key)
    return or_(
        PersonRow.handle_key == key,
        PersonRow.name_key == key,
        *(PersonRow.handle_key.like(word + separator + "%", escape="\\") for separator in HANDLE_SEPARATORS),
        PersonRow.name_key.like(word + " %", escape="\\"),
    )


def closeness(key: str) -> ColumnElement[int]:
    """0 for the exact handle, 1 for the exact name, 2 for a prefix."""
    return case((PersonRow.handle_key == key, 0), (PersonRow.name_key == key, 1), else_=2)
