"""Which platform senders a running Tandem delivers through, from app.yaml."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from adapters.discord.sender import DiscordLink, DiscordSender, Fallback
from adapters.slack.pacing import SlackPacer
from adapters.slack.sender import RemovedWorkspaces, SlackSender
from bot.config import Config
from bot.slack.oauth import installation_store
from core.delivery import Sender
from core.outbox import OutboxEntry
from core.ports import UnitOfWorkFactory

if TYPE_CHECKING:
    from bot.bootstrap import Tandem


def senders_for(config: Config, tandem: Tandem, discord: DiscordLink | None = None,
                removed: RemovedWorkspaces | None = None) -> dict[str, Sender]:
    """One sender per enabled platform; the same base URL for every Web API client the bot makes. `removed`:
    Slack workspaces that removed the app while this process runs on a single bot token."""
    senders: dict[str, Sender] = {}
    slack = config.slack
    if slack.enabled and slack.bot_token:
        token = slack.bot_token
        senders["slack"] = SlackSender(lambda _workspace: token, slack.api_url, SlackPacer(), removed=removed)
    elif slack.enabled:
        store = installation_store(config, tandem.engine)
        senders["slack"] = SlackSender(lambda workspace: store.bot_token(workspace.external_id), slack.api_url,
                                       SlackPacer())
    if config.discord.enabled and discord is not None:
        senders["discord"] = DiscordSender(discord, task_channel(tandem.uow_factory))
    return senders


def task_channel(uow_factory: UnitOfWorkFactory) -> Callable[[OutboxEntry], Fallback | None]:
    """Where a notice about a task can go when its recipient can't get DMs: the channel the task was asked in
    (told only that something waits, never the task)."""
    def channel(entry: OutboxEntry) -> Fallback | None:
        if entry.task_id is None:
            return None
        with uow_factory() as uow:
            task = uow.tasks.get_by_id(entry.task_id)
        if task is None or task.origin is None:
            return None
        return Fallback(task.origin.conversation)
    return channel
