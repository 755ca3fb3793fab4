"""/task-admin on Discord: its own command group for Manage Server, the same `/task admin` grammar behind it."""
from __future__ import annotations

from typing import Any

from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, BOB, GENERAL, GUILD
from tests.discord.flows import answer, click, is_ephemeral, shown, until
from tests.fakediscord import FakeDiscord
from tests.fakediscord.records import Interaction

MANAGE_GUILD = 1 << 5


def admin(fake: FakeDiscord, user: str, verb: str, **options: Any) -> Interaction:
    given = [{"type": 6 if k in ("person", "to") else 5 if isinstance(v, bool) else 3, "name": k, "value": v}
             for k, v in options.items()]
    return fake.slash(GUILD, GENERAL, user, "task-admin", [{"type": 1, "name": verb, "options": given}])


def test_task_admin_is_for_managers_and_the_server_owner_erases_someones_data(discord_bot: RunningBot,
                                                                              fake_discord: FakeDiscord) -> None:
    commands = {c["name"]: c for c in fake_discord.commands()}
    group = commands["task-admin"]
    assert int(group["default_member_permissions"]) == MANAGE_GUILD and group.get("dm_permission") is False
    assert {o["name"] for o in group["options"]} == {"settings", "promote", "demote", "deactivate", "export",
                                                     "forget", "audit"}
    owner = str(fake_discord.state.owner_user["id"])
    fake_discord.add_member(GUILD, owner, "olga", "Olga")  # the server's owner: an admin for Tandem
    for user in (BOB, owner):
        answer(fake_discord.slash(GUILD, GENERAL, user, "task", [{"type": 1, "name": "list", "options": []}]))
    refused = answer(admin(fake_discord, ALICE, "audit"))
    assert is_ephemeral(refused) and "Only workspace admins" in shown(refused) and "@olga" in shown(refused)
    asked = admin(fake_discord, owner, "forget", person=BOB)
    card = answer(asked)
    assert is_ephemeral(card) and "Erase the personal data of @bob?" in shown(card)
    click(fake_discord, card, "Erase their data", owner).wait_response()
    until(lambda: "@olga erased the personal data of a former member." in shown(answer(admin(fake_discord, owner,
                                                                                               "audit"))),
          what="the erasure in the audit log")
    handed = answer(admin(fake_discord, owner, "deactivate", person=ALICE, to=owner))
    assert "Deactivated @alice: 0 open task(s) went to @olga" in shown(handed)
    back = answer(admin(fake_discord, owner, "deactivate", person=ALICE, undo=True))
    assert "@alice is active again" in shown(back)
    exported = answer(admin(fake_discord, owner, "export", person=ALICE))
    assert [a["filename"].endswith(".jsonl") for a in exported.get("attachments") or []] == [True]
