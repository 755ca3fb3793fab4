"""`tandem slack manifest`: the Slack app manifest (scopes, events, command, shortcut) for HTTP or Socket Mode."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import yaml

EVENTS_PATH = "/slack/events"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
PLACEHOLDER_URL = "https://tandem.example.com"
# Minimal bot scopes; docs/slack.md has one row per scope saying why (a test keeps the two in step).
BOT_SCOPES: tuple[str, ...] = ("app_mentions:read", "channels:read", "chat:write", "commands", "files:write",
                                "groups:read", "im:history", "im:read", "mpim:read", "reactions:read",
                                "usergroups:read", "users:read")
# app_home_opened, app_uninstalled and tokens_revoked need no scope of their own; the membership events come with
# channels:read (public channels) and groups:read (private channels); message.im with im:history (DMs to the bot);
# reaction_added with reactions:read (a ✅ on a task's card).
BOT_EVENTS: tuple[str, ...] = ("app_mention", "app_home_opened", "app_uninstalled", "tokens_revoked",
                               "member_joined_channel", "member_left_channel", "channel_archive", "channel_unarchive",
                               "group_archive", "group_unarchive", "channel_left", "group_left", "message.im",
                               "reaction_added")
COMMAND = "/task"
SHORTCUT_CALLBACK_ID = "make_it_a_task"


def manifest(socket: bool, public_url: str | None = None) -> dict[str, Any]:
    """The app manifest; in HTTP mode every request URL points at `public_url` (placeholder when None)."""
    base = None if socket else (public_url or PLACEHOLDER_URL).rstrip("/")
    events_url = f"{base}{EVENTS_PATH}" if base else None
    return {
        "display_information": {
            "name": "Tandem",
            "description": "Ask, commit and follow through, in chat.",
            "long_description": _LONG_DESCRIPTION,
            "background_color": "#2c2d30",
        },
        "features": _features(events_url),
        "oauth_config": _oauth_config(base),
        "settings": _settings(socket, events_url),
    }


_LONG_DESCRIPTION = (
    "Tandem turns requests into tasks with an owner and a due date, agrees dates with the person doing the "
    "work, reminds them at a sensible local time, follows up when something slips and sends a daily digest. "
    "Use /task, mention @tandem in a thread, the 'Make it a task' message shortcut, or write to Tandem in a DM."
)


def _features(events_url: str | None) -> dict[str, Any]:
    command: dict[str, Any] = {
        "command": COMMAND,
        "description": "Create or manage a task",
        "usage_hint": "@sam send the report by Friday | list | done T-42 | help",
        "should_escape": True,
    }
    if events_url:
        command["url"] = events_url
    return {
        "app_home": {"home_tab_enabled": True, "messages_tab_enabled": True, "messages_tab_read_only_enabled": False},
        "bot_user": {"display_name": "tandem", "always_online": True},
        "shortcuts": [{
            "name": "Make it a task",
            "type": "message",
            "callback_id": SHORTCUT_CALLBACK_ID,
            "description": "Turn this message into a task with an owner and a due date",
        }],
        "slash_commands": [command],
    }


def _oauth_config(base: str | None) -> dict[str, Any]:
    config: dict[str, Any] = {"scopes": {"bot": list(BOT_SCOPES)}}
    if base:
        config["redirect_urls"] = [f"{base}{REDIRECT_PATH}"]
    return config


def _settings(socket: bool, events_url: str | None) -> dict[str, Any]:
    events: dict[str, Any] = {"bot_events": list(BOT_EVENTS)}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if events_url:
        events = {"request_url": events_url, **events}
        interactivity["request_url"] = events_url
    return {
        "event_subscriptions": events,
        "interactivity": interactivity,
        "org_deploy_enabled": False,
        "socket_mode_enabled": socket,
        "token_rotation_enabled": False,
    }


def render(data: dict[str, Any], as_json: bool = False) -> str:
    """The manifest as YAML (Slack's 'From an app manifest' dialog accepts both) or JSON."""
    if as_json:
        return json.dumps(data, indent=2) + "\n"
    return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000))


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `slack manifest`."""
    slack = subparsers.add_parser("slack", help="Slack app set-up helpers")
    actions = slack.add_subparsers(dest="slack_command", required=True)
    parser = actions.add_parser("manifest", help="print the Slack app manifest to paste at api.slack.com/apps")
    parser.add_argument("--socket", action="store_true", help="Socket Mode: no public URL, needs an app-level token")
    parser.add_argument("--url", help="HTTP mode: Tandem's public base URL, e.g. https://tandem.example.com")
    parser.add_argument("--json", action="store_true", help="print JSON instead of YAML")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the manifest; 2 when the URL is unusable."""
    url: str | None = args.url
    if url and not url.startswith(("https://", "http://")):
        print(f"--url must be an https:// address, not {url!r}.", file=sys.stderr)
        return 2
    if url and args.socket:
        print("--url is ignored in Socket Mode: Slack reaches Tandem over the socket.", file=sys.stderr)
    if not url and not args.socket:
        print(f"No --url given: replace {PLACEHOLDER_URL} with Tandem's public address.", file=sys.stderr)
    sys.stdout.write(render(manifest(args.socket, url), args.json))
    return 0
