"""The fake honours enforce_nonce like Discord: the same nonce from the same author returns the first message."""
from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.fakediscord import FakeDiscord, running_fake_discord

GUILD, GENERAL = "500000000000000001", "500000000000000100"


@pytest.fixture
def fake() -> Iterator[FakeDiscord]:
    with running_fake_discord() as fake:
        fake.add_guild(GUILD, "Acme")
        fake.add_channel(GUILD, GENERAL, "general")
        yield fake


def post(fake: FakeDiscord, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        f"{fake.api_url}/channels/{GENERAL}/messages", data=json.dumps(body).encode(), method="POST",
        headers={"Authorization": f"Bot {fake.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        created: dict[str, Any] = json.load(answer)
        return created


def test_the_same_enforced_nonce_returns_the_first_message_and_creates_nothing(fake: FakeDiscord) -> None:
    first = post(fake, {"content": "hello", "nonce": "t-1", "enforce_nonce": True})
    again = post(fake, {"content": "hello", "nonce": "t-1", "enforce_nonce": True})
    other = post(fake, {"content": "hello", "nonce": "t-2", "enforce_nonce": True})
    assert again["id"] == first["id"] != other["id"]
    assert [m["id"] for m in fake.messages(GENERAL)] == [first["id"], other["id"]]


def test_a_nonce_without_enforce_nonce_or_past_the_window_creates_a_new_message(fake: FakeDiscord) -> None:
    first = post(fake, {"content": "hello", "nonce": "t-1"})
    assert post(fake, {"content": "hello", "nonce": "t-1"})["id"] != first["id"]
    enforced = post(fake, {"content": "hello", "nonce": "t-3", "enforce_nonce": True})
    with fake.state.cond:
        fake.state.nonce_window = 0.0
    assert post(fake, {"content": "hello", "nonce": "t-3", "enforce_nonce": True})["id"] != enforced["id"]
    assert len(fake.messages(GENERAL)) == 4
