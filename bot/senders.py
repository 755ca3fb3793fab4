"""Which platform senders a running Tandem delivers through, from app.yaml."""
from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from bot.config import Config
from bot.slack_oauth import installation_store
from core.delivery import Sender

if TYPE_CHECKING:
    from bot.bootstrap import Tandem


def senders_for(config: Config, tandem: Tandem) -> dict[str, Sender]:
    """One sender per enabled platform; the same base URL for every Web API client the bot makes."""
    senders: dict[str, Sender] = {}
    slack = config.slack
    if slack.enabled and slack.bot_token:
        token = slack.bot_token
        senders["slack"] = SlackSender(lambda _workspace: token, slack.api_url, SlackPacer())
    elif slack.enabled:
        store = installation_store(config, tandem.engine)
        senders["slack"] = SlackSender(lambda workspace: store.bot_token(workspace.external_id), slack.api_url,
                                       SlackPacer())
    return senders
