"""A fake of Slack's Web API on 127.0.0.1 for tests and benchmarks: real HTTP, Slack's limits and errors."""
from tests.fakeslack.server import FakeSlack, running_fake_slack
from tests.fakeslack.state import Posted

__all__ = ["FakeSlack", "Posted", "running_fake_slack"]
