"""Task cards on Slack: the title once with the reference beside it, the project, repeats in words."""
from __future__ import annotations

from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient


def test_a_card_names_its_project_and_reads_its_repeat_in_words(slack: SlackClient, fake_slack: FakeSlack) -> None:
    slack.command("UALICE", "add water the plants every other monday #office", fake_slack.response_url("add"))
    card = eventually(lambda: fake_slack.responses("add"))[0]
    heading = card["blocks"][1]["text"]["text"]
    assert heading == "*water the plants*  `T-1`"
    fields = [f["text"] for f in card["blocks"][1]["fields"]]
    assert "*Repeats*\nevery other Monday" in fields and "*Project*\n#office" in fields
    assert "FREQ" not in str(card)
