"""Asking a Slack user group: the mention read through usergroups.users.list, an open request in the channel,
Claim by a member, the requester told and the channel's card edited in place."""
from __future__ import annotations

from bot.delivery.deliverer import Deliverer
from tests.fakeslack import FakeSlack
from tests.slack.botserver import eventually
from tests.slack.signing import SlackClient
from tests.slack.test_negotiation import as_message, button

ASK = {"type": "app_mention", "user": "UALICE", "channel": "C1", "ts": "1700000001.000100",
       "text": "<@UTANDEM> can someone from <!subteam^SDESIGN|@design> review the mockups by Friday?"}


def test_a_member_of_the_user_group_claims_the_open_request(slack: SlackClient, fake_slack: FakeSlack,
                                                            deliverer: Deliverer) -> None:
    fake_slack.usergroups.add("SDESIGN", "design", ("UBOB",))
    assert slack.event(ASK, "EvTeam1")[0] == 200
    draft = eventually(lambda: fake_slack.posts_to("C1"))[0]
    assert "anyone in @design" in str(draft.blocks) and fake_slack.usergroups.listed == 1
    slack.click("UALICE", "tandem:create", button(draft, "create")["value"], as_message(draft), "C1",
                fake_slack.response_url("made"))
    eventually(lambda: fake_slack.responses("made"))
    eventually(lambda: deliverer.run_once() or len(fake_slack.posts_to("C1")) > 1)
    open_request = fake_slack.posts_to("C1")[1]
    assert "@alice asks @design: T-1 review the mockups" in open_request.text
    claim = button(open_request, "claim")
    assert claim["value"] == "/task claim T-1"

    slack.click("UALICE", "tandem:claim", claim["value"], as_message(open_request), "C1",
                fake_slack.response_url("refused"))
    refused = eventually(lambda: fake_slack.responses("refused"))[0]
    assert refused["response_type"] == "ephemeral" and "Only members of @design can claim T-1." in refused["text"]

    slack.click("UBOB", "tandem:claim", claim["value"], as_message(open_request), "C1",
                fake_slack.response_url("took"))
    assert "✓ Claimed by @bob" in eventually(lambda: fake_slack.responses("took"))[0]["text"]
    eventually(lambda: deliverer.run_once() or fake_slack.posts_to("UALICE"))
    assert fake_slack.posts_to("UALICE")[0].text == "@bob took T-1 review the mockups (asked of @design)."
    edited = eventually(lambda: [u for u in fake_slack.updated if u.ts == open_request.ts])
    assert "@bob took T-1 review the mockups." in edited[-1].text and "@bob" in str(edited[-1].blocks)


def test_a_group_slack_wont_list_is_still_asked_but_nobody_can_claim_until_it_can(
        slack: SlackClient, fake_slack: FakeSlack, deliverer: Deliverer) -> None:
    assert slack.event({**ASK, "text": ASK["text"].replace("SDESIGN", "SGONE")}, "EvTeam2")[0] == 200
    draft = eventually(lambda: fake_slack.posts_to("C1"))[0]
    assert "anyone in @design" in str(draft.blocks)
