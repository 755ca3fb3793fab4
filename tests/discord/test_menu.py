"""The "Make it a task" message menu: a modal prefilled from the message, then a task linked to it."""
from __future__ import annotations

from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD
from tests.discord.test_negotiation import stored_task
from tests.fakediscord import FakeDiscord

MODAL = 9


def test_make_it_a_task_from_a_message(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                       uow_factory: SqlUnitOfWorkFactory) -> None:
    said = fake_discord.post_message(GUILD, GENERAL, BOB, "I'll update the pricing page by Thursday")
    opened = fake_discord.message_command(GUILD, GENERAL, ALICE, "Make it a task", said)
    assert opened.wait_response()[0] == MODAL
    modal = opened.modal or {}
    values = {c["custom_id"]: c.get("value") or "" for row in modal["components"] for c in row["components"]}
    assert "update the pricing page" in next(iter(values.values()))
    assert "@bob" in list(values.values())[1]
    submitted = fake_discord.submit_modal_for(opened, values)
    reply = submitted.wait_followup(10)
    assert "T-1" in (reply.get("content") or "") + str(reply.get("embeds"))
    made = stored_task(uow_factory)
    assert "pricing page" in made.title and made.origin is not None and made.origin.conversation == GENERAL
    assert made.origin.link and said["id"] in made.origin.link
