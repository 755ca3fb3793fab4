"""Bad, stale and missing signatures are refused with 401 and nothing is written."""
from __future__ import annotations

import time

from storage.uow import SqlUnitOfWorkFactory
from tests.fakeslack import FakeSlack
from tests.slack.signing import SlackClient


def test_unsigned_forged_and_stale_requests_are_refused(slack: SlackClient, fake_slack: FakeSlack,
                                                        uow_factory: SqlUnitOfWorkFactory) -> None:
    url = fake_slack.response_url("x")
    attempts = [
        slack.command("UALICE", "add write the report by friday", url, sign=False),
        slack.command("UALICE", "add write the report by friday", url, secret="not-the-secret"),
        slack.command("UALICE", "add write the report by friday", url, timestamp=time.time() - 301),
        slack.event({"type": "app_mention", "user": "UALICE", "channel": "C1", "ts": "1.2",
                     "text": "<@UTANDEM> can <@UBOB> fix it by friday"}, "EvForged", secret="forged"),
    ]
    assert [status for status, _ in attempts] == [401, 401, 401, 401]
    time.sleep(0.3)
    assert not fake_slack.responses() and not fake_slack.posted and fake_slack.calls("users.info") == 0
    with uow_factory() as uow:
        assert uow.workspaces.by_external("slack", "T1") is None
