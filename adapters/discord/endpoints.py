"""Where discord.py talks to: Discord itself by default, or a proxy or test double named in app.yaml."""
from __future__ import annotations

import discord
import yarl
from discord.gateway import DiscordWebSocket

DEFAULT_API_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"


def point_at(api_url: str = DEFAULT_API_URL, gateway_url: str = DEFAULT_GATEWAY_URL) -> None:
    """Send discord.py's REST calls to `api_url` and its gateway connection to `gateway_url` (process-wide)."""
    discord.http.Route.BASE = api_url.rstrip("/")
    gateway = yarl.URL(gateway_url)
    DiscordWebSocket.DEFAULT_GATEWAY = gateway if gateway.path not in ("", "/") else gateway.with_path("/")
