"""`run_slack`: the Slack app from app.yaml (a bot token, or OAuth via bot.slack.oauth), served until stopped."""
from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING

from slack_bolt.async_app import AsyncApp

from adapters.slack.app import build_slack_app
from adapters.slack.sender import RemovedWorkspaces
from adapters.slack.serve import run_socket_until, serve_http, serve_socket
from bot.config import Config
from bot.slack.lifecycle import register_token_lifecycle
from bot.slack.oauth import oauth_settings, register_lifecycle

__all__ = ["run_slack", "serve_http", "serve_socket", "slack_app"]

if TYPE_CHECKING:
    from bot.bootstrap import Tandem


def slack_app(config: Config, tandem: Tandem, removed: RemovedWorkspaces | None = None) -> AsyncApp:
    """The app with every event the manifest subscribes to answered: `removed` learns of workspaces that remove
    the app while Tandem runs on a single bot token."""
    slack = config.slack
    settings = oauth_settings(config, tandem) if slack.client_id and not slack.bot_token else None
    app = build_slack_app(tandem.bus, token=None if settings else slack.bot_token,
                          signing_secret=slack.signing_secret or "", api_url=slack.api_url, oauth_settings=settings)
    if settings is not None:
        register_lifecycle(app, settings.installation_store)
    else:
        register_token_lifecycle(app, removed or RemovedWorkspaces())
    return app


def run_slack(config: Config, tandem: Tandem, stop: threading.Event | None = None,
              removed: RemovedWorkspaces | None = None) -> None:
    """Build the app and keep it connected over Socket Mode until `stop` is set; blocks, so run it in a thread.
    (In HTTP mode, Slack's routes are on Tandem's one web server: bot.web.)"""
    asyncio.run(run_socket_until(slack_app(config, tandem, removed), stop or threading.Event(),
                                 config.slack.app_token))
