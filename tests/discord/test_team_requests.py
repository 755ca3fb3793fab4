"""Asking a Discord role: the role mention read as a group, an open request in the channel, Claim by someone who
carries the role (no privileged intent: members are seen acting or join the intake), the requester told."""
from __future__ import annotations

from typing import Any

from bot.delivery.deliverer import Deliverer
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD, GUS
from tests.discord.flows import answer, buttons, click, is_ephemeral, shown, until
from tests.discord.test_negotiation import deliver_to
from tests.fakediscord import FakeDiscord

Json = dict[str, Any]
DESIGN = "900000000000000060"


def _ask(fake: FakeDiscord, deliverer: Deliverer) -> Json:
    """Alice asks @Design in #general and creates it; returns the open request Tandem posted there."""
    bot = fake.bot_user_id
    fake.post_message(GUILD, GENERAL, ALICE, f"<@{bot}> can someone from <@&{DESIGN}> review the mockups by Friday?",
                      mentions=[bot])
    card = fake.wait_for_message(lambda m: m["channel_id"] == GENERAL and m["author"]["id"] == bot)
    assert "anyone in @design" in shown(card)
    click(fake, card, "Create", ALICE).wait_response()

    def posted() -> Json | None:
        deliverer.run_once()
        return next((m for m in fake.messages(GENERAL) if "Claim" in buttons(m)), None)
    return until(posted, what="the open request in #general")


def test_someone_carrying_the_role_claims_the_open_request(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                          deliverer: Deliverer) -> None:
    fake_discord.add_role(GUILD, DESIGN, "Design")
    fake_discord.set_roles(GUILD, BOB, (DESIGN,))
    request = _ask(fake_discord, deliverer)
    assert "@alice asks @design: T-1 review the mockups" in shown(request)

    refused = click(fake_discord, request, "Claim", ALICE)
    refused.wait_response()
    told = refused.wait_followup()
    assert is_ephemeral(told) and "Only members of @design can claim T-1." in shown(told)

    click(fake_discord, request, "Claim", BOB).wait_response()
    fake_discord.wait_for_message(lambda m: m["id"] == request["id"] and "@bob" in shown(m))
    dm = deliver_to(fake_discord, deliverer, ALICE)
    assert "@bob took T-1 review the mockups (asked of @design)." in shown(dm)


def test_round_robin_on_discord_goes_to_those_who_joined_the_intake(discord_bot: RunningBot,
                                                                    fake_discord: FakeDiscord,
                                                                    deliverer: Deliverer) -> None:
    fake_discord.add_role(GUILD, DESIGN, "Design")
    for who in (BOB, GUS):
        fake_discord.set_roles(GUILD, who, (DESIGN,))
    joined = _intake(fake_discord, BOB, "join")
    assert "You joined @design's intake" in shown(joined)
    assert "now gets requests in turn" in shown(_intake(fake_discord, ALICE, "round-robin"))
    bot = fake_discord.bot_user_id
    fake_discord.post_message(GUILD, GENERAL, ALICE, f"<@{bot}> can someone from <@&{DESIGN}> check the icons "
                              "by Friday?", mentions=[bot])
    card = fake_discord.wait_for_message(lambda m: m["author"]["id"] == bot and "check the icons" in shown(m))
    created = click(fake_discord, card, "Create", ALICE)
    created.wait_response()
    fake_discord.wait_for_message(lambda m: "it's @bob's turn" in shown(m))
    assert "asks you: T-1 check the icons" in shown(deliver_to(fake_discord, deliverer, BOB))


def _intake(fake: FakeDiscord, user: str, how: str) -> Json:
    options = [{"type": 8, "name": "group", "value": DESIGN}, {"type": 3, "name": "how", "value": how}]
    return answer(fake.slash(GUILD, GENERAL, user, "task",
                             [{"type": 2, "name": "settings", "options": [{"type": 1, "name": "intake",
                                                                           "options": options}]}]))
