"""The delivery fixtures (fake Slack, seeded workspace, fixed clock), shared with the metrics tests."""
from __future__ import annotations

from tests.delivery.conftest import clock, fake_slack, seeded

__all__ = ["clock", "fake_slack", "seeded"]
