"""The Discord adapter's pure pieces: button ids, modal blanks, zone suggestions, message tasks, the invite URL."""
from __future__ import annotations

import urllib.parse
from datetime import UTC, datetime

import pytest

from adapters.discord.buttons import TEMPLATE, custom_id
from adapters.discord.choices import zones_matching
from adapters.discord.invite import invite_url, permissions
from adapters.discord.modals import filled, submitted_values, task_text
from adapters.discord.render import unfitting
from core.actions import answer_actions
from core.outcome import Action
from core.tasks import Task

GUILD = "900000000000000001"


def test_a_button_id_carries_server_and_command_and_fits_discords_limit() -> None:
    made_at = datetime(2026, 3, 2, tzinfo=UTC)
    task = Task(workspace_id=1, number=12345, title="x", owner_id=1, requester_id=2, created_at=made_at,
                updated_at=made_at)
    for action in answer_actions(task):
        made = custom_id(GUILD, action.command)
        found = TEMPLATE.fullmatch(made)
        assert found is not None and len(made) <= 100
        assert found["guild"] == GUILD and "/task " + found["command"] == action.command


@pytest.mark.parametrize(("typed", "expected"), [("berl", "Europe/Berlin"), ("new y", "America/New_York"),
                                                 ("Europe/Lond", "Europe/London"), ("", "UTC")])
def test_zone_suggestions(typed: str, expected: str) -> None:
    offered = zones_matching(typed)
    assert expected in offered and len(offered) <= 25


def test_a_message_becomes_a_quoted_task_line() -> None:
    assert task_text('Ship "v2" by the 5th', "bob", "friday") == "@bob \"Ship 'v2' by the 5th\" by friday"
    assert task_text("water the plants", "", "") == '"water the plants"'


def test_the_invite_asks_for_commands_and_only_the_permissions_used() -> None:
    query = urllib.parse.parse_qs(urllib.parse.urlparse(invite_url("123456789012345678")).query)
    assert query["scope"] == ["bot applications.commands"]
    assert int(query["permissions"][0]) == permissions() == 274877991936
    assert not permissions() & 8  # never Administrator


def test_a_submitted_form_fills_the_blanks_in_order_and_drops_empty_optional_ones() -> None:
    command = "/task propose T-3 <date> [note]"
    assert filled(command, {"blank0": "next tuesday", "blank1": "need numbers"}) == \
        "/task propose T-3 next tuesday need numbers"
    assert filled(command, {"blank0": "next tuesday", "blank1": "  "}) == "/task propose T-3 next tuesday"


def test_form_values_are_read_from_rows_and_labels() -> None:
    data = {"custom_id": "tf:1:propose T-3 <date>", "components": [
        {"type": 1, "components": [{"type": 4, "custom_id": "blank0", "value": "monday"}]},
        {"type": 18, "component": {"type": 4, "custom_id": "blank1", "value": "why"}}]}
    assert submitted_values(data) == {"blank0": "monday", "blank1": "why"}


def test_a_choice_too_long_for_a_button_is_shown_as_the_command_to_type() -> None:
    short = Action("show", "Cancel", "/task show T-3")
    long = Action("decline", "Confirm", "/task decline T-3 " + "I'm away at the conference all that week " * 2)
    assert unfitting((short,), GUILD) == ""
    assert unfitting((short, long), GUILD) == f"Confirm: {long.command}"
