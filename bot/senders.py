"""Which platform senders a running Tandem delivers through, from app.yaml."""
from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import SlackSender
from bot.config import Config
from core.delivery import Sender

if TYPE_CHECKING:
    from bot.bootstrap import Tandem


def senders_for(config: Config, tandem: Tandem) -> dict[str, Sender]:
    """One sender per enabled platform; the same base URL for every Web API client the bot makes."""
    senders: dict[str, Sender] = {}
    if config.slack.enabled:
        token = config.slack.bot_token
        senders["slack"] = SlackSender(lambda _workspace: token, config.slack.api_url, SlackPacer())
    return senders
