"""A notice sent again after a crash (Discord accepted it, Tandem never recorded it) shows once: the message nonce."""
from __future__ import annotations

from datetime import UTC, datetime

from adapters.discord.sender import DiscordSender, message_nonce
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from tests.discord.botrun import RunningBot
from tests.discord.conftest import BOB, GENERAL, GUILD
from tests.discord.flows import shown
from tests.fakediscord import FakeDiscord

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ACME = Workspace(platform="discord", external_id=GUILD, name="Acme", id=1)
BOB_HERE = Person(workspace_id=1, display_name="Bob", handle="bob", id=2, identities={"discord": BOB})


def notice(entry_id: int, text: str, conversation: str | None = None) -> OutboxEntry:
    return OutboxEntry(workspace_id=1, kind="reminder", payload={"text": text, "card": None, "actions": []},
                       dedupe_key=f"reminder:{entry_id}", created_at=NOW, not_before=NOW,
                       recipient_id=None if conversation else 2, conversation=conversation, id=entry_id)


def test_the_same_entry_sent_twice_shows_once_and_another_entry_shows_too(
    discord_bot: RunningBot, fake_discord: FakeDiscord
) -> None:
    sender = DiscordSender(discord_bot.link, lambda _entry: None, timeout=20)
    first = notice(7, "Reminder: the Q3 report is due Friday")
    sender.send(first, ACME, BOB_HERE)
    sender.send(first, ACME, BOB_HERE)  # the restarted process sends what the killed one never recorded
    sender.send(notice(8, "Reminder: the budget is due Monday"), ACME, BOB_HERE)
    assert [shown(m) for m in fake_discord.dms(BOB)] == [
        "Reminder: the Q3 report is due Friday", "Reminder: the budget is due Monday"]

    post = notice(9, "The weekly digest", conversation=GENERAL)
    sender.send(post, ACME, None)
    sender.send(post, ACME, None)
    assert [shown(m) for m in fake_discord.messages(GENERAL)] == ["The weekly digest"]


def test_the_nonce_is_the_same_for_one_entry_and_target_and_fits_discords_25_characters() -> None:
    entry = notice(7, "x")
    assert message_nonce(entry, f"dm:{BOB}") == message_nonce(notice(7, "y"), f"dm:{BOB}")
    assert len({message_nonce(entry, f"dm:{BOB}"), message_nonce(entry, GENERAL),
                message_nonce(notice(8, "x"), f"dm:{BOB}")}) == 3
    assert len(message_nonce(entry, GENERAL)) <= 25
