"""A notice with a burn-up chart on Slack: uploaded with its text, or the text alone when Slack refuses the file."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from core.delivery import DeliveryFailed
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from core.report.burnup import BurnUp
from tests.delivery.builders import TEAM, TOKEN
from tests.fakeslack import FakeSlack, running_fake_slack

WHEN = datetime(2026, 3, 2, tzinfo=UTC)
WORKSPACE = Workspace("slack", TEAM, "Team", id=1)
CHART = BurnUp("#launch", (date(2026, 2, 23), date(2026, 3, 2)), (3, 5), (1, 2), date(2026, 3, 20)).to_dict()
TEXT = "Weekly digest · launch\nProgress: 2 of 5 done (40%)"


def digest(conversation: str | None = "C1") -> OutboxEntry:
    return OutboxEntry(1, "project digest", {"text": TEXT, "card": None, "actions": [], "chart": CHART}, "k",
                       WHEN, WHEN, None if conversation else 1, conversation, id=1)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake_slack() as made:
        made.add_token(TOKEN, TEAM)
        made.add_user("U1")
        made.add_channel("C1")
        yield made


def sender(fake: FakeSlack) -> SlackSender:
    return SlackSender(lambda ws: TOKEN, fake.api_url, SlackPacer(100, 100, 100, 100), timeout=10)


def test_the_chart_is_uploaded_to_the_channel_with_the_digest_as_its_comment(fake: FakeSlack) -> None:
    sender(fake).send(digest(), WORKSPACE, None)
    [upload] = fake.uploaded()
    assert (upload.channel, upload.filename, upload.initial_comment) == ("C1", "burn-up.png", TEXT)
    assert upload.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert fake.posted == []


def test_a_chart_for_a_person_goes_to_their_direct_message(fake: FakeSlack) -> None:
    ana = Person(1, "Ana", "ana", id=1, identities={"slack": "U1"})
    sender(fake).send(digest(None), WORKSPACE, ana)
    assert [u.channel for u in fake.uploaded()] == ["DU1"]


def test_without_the_files_scope_the_text_goes_alone(fake: FakeSlack) -> None:
    fake.error_next(1, "missing_scope", method="files.getUploadURLExternal")
    sender(fake).send(digest(), WORKSPACE, None)
    assert fake.uploaded() == []
    assert [p.text for p in fake.posted] == [TEXT]


def test_a_rate_limited_upload_is_retried_later_not_replaced_by_text(fake: FakeSlack) -> None:
    fake.rate_limit_next(1, retry_after=3, method="files.getUploadURLExternal")
    with pytest.raises(DeliveryFailed) as failed:
        sender(fake).send(digest(), WORKSPACE, None)
    assert failed.value.retry_after == 3
    assert fake.posted == [] and fake.uploaded() == []
