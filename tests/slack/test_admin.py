"""/task admin over real HTTP: a Slack workspace admin exports someone's data as a file in their DMs."""
from __future__ import annotations

import json

from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient


def test_a_slack_admin_gets_a_persons_export_as_a_file_and_others_are_refused(slack: SlackClient,
                                                                             fake_slack: FakeSlack) -> None:
    fake_slack.add_user("UADA", team_id="T1", name="ada", tz="Europe/Berlin", is_admin=True)
    slack.command("UADA", "add <@UBOB> send the Q3 report by friday", fake_slack.response_url("add"))
    eventually(lambda: fake_slack.responses("add"))
    slack.command("UBOB", "admin export <@UADA>", fake_slack.response_url("refused"))
    refused = eventually(lambda: fake_slack.responses("refused"))[0]
    assert refused["response_type"] == "ephemeral"
    assert "Only workspace admins" in refused["text"] and "@ada" in refused["text"]
    slack.command("UADA", "admin export <@UBOB>", fake_slack.response_url("export"))
    answer = eventually(lambda: fake_slack.responses("export"))[0]
    assert "everything Tandem stores about @bob" in answer["text"] and "direct message" in answer["text"]
    upload = eventually(lambda: fake_slack.uploaded())[0]
    assert upload.channel == "DUADA" and upload.filename.endswith(".jsonl")
    assert any(p.channel == "UADA" and upload.filename in p.text for p in fake_slack.posted)
    lines = [json.loads(line) for line in upload.data.decode().splitlines()]
    assert lines[0]["tandem_personal_export"] == 1
    assert any(line["table"] == "identities" and line["row"]["external_id"] == "UBOB" for line in lines[1:])
    slack.command("UADA", "admin audit", fake_slack.response_url("audit"))
    assert "@ada exported the personal data of @bob." in eventually(lambda: fake_slack.responses("audit"))[0]["text"]
