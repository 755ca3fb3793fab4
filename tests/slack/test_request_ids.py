"""On Slack, the reference of an unexpected error is the request id its JSON log lines carry."""
from __future__ import annotations

import re
from pathlib import Path

from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.logs.capture import BrokenBus, json_lines, json_log_file
from tests.slack.botserver import SECRET, eventually, running_bot
from tests.slack.signing import SlackClient


def test_a_slack_error_reference_finds_its_log_line(fake_slack: FakeSlack, uow_factory: SqlUnitOfWorkFactory,
                                                    clock: FixedClock, tmp_path: Path) -> None:
    with json_log_file(tmp_path / "tandem.log") as log, running_bot(BrokenBus(uow_factory, clock),
                                                                    fake_slack.api_url) as url:
        SlackClient(url, SECRET).command("UALICE", "list", fake_slack.response_url("broken"))
        said = eventually(lambda: fake_slack.responses("broken"))[0]["text"]
        reference = re.search(r"reference (E-[0-9A-F]{6})", said)
        assert reference is not None and "Traceback" not in said
        logged = eventually(lambda: [line for line in json_lines(log) if line["level"] == "ERROR"])
    assert [(line["request_id"], line["platform"], line["workspace"]) for line in logged] == [
        (reference.group(1), "slack", "T1")]
    assert "a bug nobody expected" in logged[0]["exception"]
