"""`tandem discord invite APPLICATION_ID`: the URL that adds the bot to a server, with the scopes it needs."""
from __future__ import annotations

import argparse
import sys
import urllib.parse

SCOPES = ("bot", "applications.commands")
# One line per permission: why Tandem needs it (docs/discord.md repeats these).
PERMISSIONS: dict[str, int] = {
    "View Channels": 1 << 10,  # see the channels it is mentioned in
    "Send Messages": 1 << 11,  # answer mentions with a card; the DM-closed fallback mention
    "Embed Links": 1 << 14,  # task cards are embeds
    "Read Message History": 1 << 16,  # reply to the message that mentioned it
    "Send Messages in Threads": 1 << 38,  # answer requests made inside threads
}


def permissions() -> int:
    return sum(PERMISSIONS.values())


def invite_url(application_id: str) -> str:
    query = {"client_id": application_id, "scope": " ".join(SCOPES), "permissions": str(permissions())}
    return "https://discord.com/oauth2/authorize?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote_plus)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `discord invite`."""
    discord = subparsers.add_parser("discord", help="Discord bot set-up helpers")
    actions = discord.add_subparsers(dest="discord_command", required=True)
    parser = actions.add_parser("invite", help="print the URL that adds the bot to a server")
    parser.add_argument("application_id", help="the Application ID from the Developer Portal (General Information)")


def run(args: argparse.Namespace) -> int:
    """Print the invite URL; 2 when the id is not a Discord snowflake."""
    application_id = str(args.application_id).strip()
    if not application_id.isdigit() or not 15 <= len(application_id) <= 21:
        print(f"{application_id!r} is not an application id: copy the Application ID (a long number) from "
              "https://discord.com/developers/applications → your app → General Information.", file=sys.stderr)
        return 2
    print(invite_url(application_id))
    return 0
