"""Fixtures for calendar tests: the console dialog fixtures, shared."""
from __future__ import annotations

from tests.console.conftest import chat

__all__ = ["chat"]
