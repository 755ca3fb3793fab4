"""Slack: a person whose Slack speaks German (users.info locale, asked with include_locale) is answered in German."""
from __future__ import annotations

from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient


def test_a_german_slack_user_is_answered_in_german_from_the_first_reply(slack: SlackClient,
                                                                        fake_slack: FakeSlack) -> None:
    fake_slack.add_user("UHANS", team_id="T1", name="hans", tz="Europe/Berlin", locale="de-DE")
    slack.command("UHANS", "add Pflanzen gießen am 2026-03-06", fake_slack.response_url("first"))
    first = eventually(lambda: fake_slack.responses("first"))[0]
    assert "T-1 Pflanzen gießen angelegt, fällig Fr., 6. März. Sie gehört dir." in first["text"]
    assert "Verantwortlich" in str(first["blocks"]) and "Rückgängig" in str(first["blocks"])
    slack.command("UHANS", "shwo T-1", fake_slack.response_url("typo"))
    assert "Ich kenne '/task shwo' nicht. Meintest du /task show?" in eventually(
        lambda: fake_slack.responses("typo"))[0]["text"]


def test_an_english_slack_user_stays_in_english(slack: SlackClient, fake_slack: FakeSlack) -> None:
    fake_slack.add_user("UANN", team_id="T1", name="ann", tz="Europe/Berlin", locale="en-US")
    slack.command("UANN", "add water the plants on 2026-03-06", fake_slack.response_url("en"))
    assert "Created T-1 water the plants, due Fri 6 Mar. It's yours." in eventually(
        lambda: fake_slack.responses("en"))[0]["text"]
