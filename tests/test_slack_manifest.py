"""The Slack app manifest: URLs and flags per mode, minimal documented scopes, parseable output."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from adapters.slack import manifest as slack_manifest
from adapters.slack.manifest import BOT_EVENTS, BOT_SCOPES, manifest, render

DOCS = Path(__file__).resolve().parents[1] / "docs" / "slack.md"


def _urls(node: Any, key: str = "") -> list[str]:
    """Every string under a key naming a URL (request_url, url, redirect_urls)."""
    if isinstance(node, dict):
        return [url for name, value in node.items() for url in _urls(value, name)]
    if isinstance(node, list):
        return [url for item in node for url in _urls(item, key)]
    return [node] if "url" in key and isinstance(node, str) else []


def test_http_mode_points_every_request_url_at_the_public_address() -> None:
    data = manifest(socket=False, public_url="https://tandem.acme.io/")
    events = "https://tandem.acme.io/slack/events"
    assert data["settings"]["event_subscriptions"]["request_url"] == events
    assert data["settings"]["interactivity"] == {"is_enabled": True, "request_url": events}
    assert data["features"]["slash_commands"][0]["url"] == events
    assert data["oauth_config"]["redirect_urls"] == ["https://tandem.acme.io/slack/oauth_redirect"]
    assert data["settings"]["socket_mode_enabled"] is False
    assert all(url.startswith("https://tandem.acme.io/slack/") for url in _urls(data))


def test_socket_mode_has_no_urls_at_all() -> None:
    data = manifest(socket=True, public_url="https://ignored.example")
    assert _urls(data) == []
    assert data["settings"]["socket_mode_enabled"] is True
    assert data["settings"]["interactivity"] == {"is_enabled": True}
    assert "url" not in data["features"]["slash_commands"][0]
    assert "redirect_urls" not in data["oauth_config"]


@pytest.mark.parametrize("socket", [False, True])
def test_the_fixed_parts_are_the_same_in_both_modes(socket: bool) -> None:
    data = manifest(socket=socket)
    features, settings = data["features"], data["settings"]
    assert data["display_information"]["name"] == "Tandem"
    assert features["bot_user"] == {"display_name": "tandem", "always_online": True}
    assert features["app_home"] == {"home_tab_enabled": True, "messages_tab_enabled": True,
                                    "messages_tab_read_only_enabled": False}
    assert features["slash_commands"][0]["command"] == "/task" and features["slash_commands"][0]["usage_hint"]
    assert features["shortcuts"] == [{"name": "Make it a task", "type": "message", "callback_id": "make_it_a_task",
                                      "description": features["shortcuts"][0]["description"]}]
    assert data["oauth_config"]["scopes"]["bot"] == list(BOT_SCOPES)
    assert settings["event_subscriptions"]["bot_events"] == list(BOT_EVENTS)
    assert settings["org_deploy_enabled"] is False and settings["token_rotation_enabled"] is False


def test_slack_limits_on_text_fields_are_respected() -> None:
    info, features = manifest(socket=False)["display_information"], manifest(socket=False)["features"]
    assert len(info["name"]) <= 35 and len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    assert len(features["shortcuts"][0]["description"]) <= 150
    assert len(features["slash_commands"][0]["description"]) <= 2000


@pytest.mark.parametrize("as_json", [False, True])
def test_the_rendered_manifest_parses_back_unchanged(as_json: bool) -> None:
    data = manifest(socket=False, public_url="https://tandem.acme.io")
    text = render(data, as_json)
    assert (json.loads(text) if as_json else yaml.safe_load(text)) == data


def test_every_scope_is_justified_in_the_docs_and_the_docs_list_no_others() -> None:
    documented = dict(re.findall(r"^\| `([a-z_.:]+)` \| (.+?) \|$", DOCS.read_text(encoding="utf-8"), re.M))
    scopes = {name: why for name, why in documented.items() if ":" in name or name == "commands"}
    assert set(scopes) == set(BOT_SCOPES)
    assert all(len(why.strip()) > 20 for why in scopes.values())


def _cli(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tandem")
    slack_manifest.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_the_command_prints_yaml_for_http_mode(capsys: pytest.CaptureFixture[str]) -> None:
    args = _cli(["slack", "manifest", "--url", "https://tandem.acme.io"])
    assert args.func(args) == 0
    printed = yaml.safe_load(capsys.readouterr().out)
    assert printed == manifest(socket=False, public_url="https://tandem.acme.io")


def test_the_command_prints_json_for_socket_mode(capsys: pytest.CaptureFixture[str]) -> None:
    args = _cli(["slack", "manifest", "--socket", "--json"])
    assert args.func(args) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["socket_mode_enabled"] is True


def test_http_mode_without_a_url_says_what_to_replace(capsys: pytest.CaptureFixture[str]) -> None:
    args = _cli(["slack", "manifest"])
    assert args.func(args) == 0
    out, err = capsys.readouterr()
    assert slack_manifest.PLACEHOLDER_URL in err and slack_manifest.PLACEHOLDER_URL in out


def test_a_url_that_is_not_http_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = _cli(["slack", "manifest", "--url", "tandem.acme.io"])
    assert args.func(args) == 2
    assert "https://" in capsys.readouterr().err


def test_the_manifest_names_what_the_slack_app_listens_for() -> None:
    shortcut = pytest.importorskip("adapters.slack.shortcut")
    data = manifest(socket=True)
    assert data["features"]["shortcuts"][0]["callback_id"] == shortcut.CALLBACK


def test_dms_and_reactions_reach_tandem() -> None:
    data = manifest(socket=False)
    assert data["features"]["app_home"]["messages_tab_read_only_enabled"] is False
    assert {"message.im", "reaction_added"} <= set(data["settings"]["event_subscriptions"]["bot_events"])
    assert {"im:history", "reactions:read"} <= set(data["oauth_config"]["scopes"]["bot"])
