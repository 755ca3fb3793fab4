"""`app_uninstalled` and `tokens_revoked` with a single bot token: acknowledged, logged, and no more sends there."""
from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext

from adapters.slack.sender import RemovedWorkspaces

log = logging.getLogger("tandem.slack")


def register_token_lifecycle(app: AsyncApp, removed: RemovedWorkspaces) -> None:
    """Listeners for the lifecycle events the manifest subscribes to, when Tandem runs on one bot token from
    app.yaml (with OAuth, bot.slack.oauth.register_lifecycle forgets the stored installation instead)."""

    def lost(team_id: str | None, what: str) -> None:
        if team_id:
            removed.add(team_id)
        log.warning("Slack workspace %s %s: the bot token in app.yaml no longer works there. Tandem stops sending "
                    "to it; reinstall the app, set the new slack.bot_token (SLACK_BOT_TOKEN) and restart to send "
                    "the notices that wait.", team_id, what)

    async def uninstalled(context: AsyncBoltContext) -> None:
        lost(context.team_id, "removed the Tandem app (app_uninstalled)")

    async def revoked(event: dict[str, Any], context: AsyncBoltContext) -> None:
        tokens = event.get("tokens") or {}
        if tokens.get("bot"):
            lost(context.team_id, "revoked the bot token (tokens_revoked)")
        for user_id in tokens.get("oauth") or []:
            log.info("Slack workspace %s revoked the user token of %s; Tandem stores none", context.team_id, user_id)

    app.event("app_uninstalled")(uninstalled)
    app.event("tokens_revoked")(revoked)
