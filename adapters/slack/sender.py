"""Delivers outbox entries to Slack through the Web API: DMs by user id, posts to conversations."""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from adapters.common.chart import FILENAME, chart_of, render_burn_up
from adapters.slack.blocks import fallback_text, notice_blocks
from adapters.slack.pacing import SlackPacer
from core.delivery import DeliveryFailed, Posted
from core.outbox import OutboxEntry
from core.people import Person, Workspace

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_RETRY_AFTER = 1.0
REINSTALL_WAIT = 3600.0  # seconds between tries for a workspace that removed the app, while it may be reinstalled
PERMANENT_ERRORS = frozenset({
    "channel_not_found", "user_not_found", "not_in_channel", "is_archived", "account_inactive",
    "invalid_auth", "not_authed", "token_revoked", "token_expired", "no_permission", "missing_scope",
    "restricted_action", "cannot_dm_bot", "user_disabled", "team_access_not_granted", "ekm_access_denied",
    "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "too_many_attachments",
    "org_login_required", "access_denied", "channel_is_archived",
    "message_not_found", "cant_update_message", "edit_window_closed",
})


class RemovedWorkspaces:
    """Slack teams that removed the app or revoked the bot token while this process runs (single-token mode),
    so the sender stops calling Slack for them. Thread-safe: the Slack listeners add, the deliverer reads."""

    def __init__(self) -> None:
        self._teams: set[str] = set()
        self._lock = threading.Lock()

    def add(self, team_id: str) -> None:
        with self._lock:
            self._teams.add(team_id)

    def __contains__(self, team_id: object) -> bool:
        with self._lock:
            return team_id in self._teams


class SlackSender:
    """The Slack side of delivery. Sync (slack_sdk WebClient), paced by `pacer`, no library retries.

    Every failure becomes a DeliveryFailed so the deliverer's backoff is the one retry mechanism:
    HTTP 429 carries Retry-After (and pauses the workspace in the pacer), `ok: false` errors that no
    retry can fix are permanent, 5xx / timeouts / connection errors are retryable.
    """

    platform = "slack"

    def __init__(
        self,
        token_for: Callable[[Workspace], str | None],
        api_url: str = DEFAULT_API_URL,
        pacer: SlackPacer | None = None,
        timeout: int = 10,
        removed: RemovedWorkspaces | None = None,
    ) -> None:
        self.token_for = token_for
        self.removed = removed or RemovedWorkspaces()
        self.api_url = api_url if api_url.endswith("/") else api_url + "/"
        self.pacer = pacer or SlackPacer()
        self.timeout = timeout
        self._clients: dict[str, WebClient] = {}
        self._lock = threading.Lock()

    def send(self, entry: OutboxEntry, workspace: Workspace, recipient: Person | None) -> Posted | None:
        channel = _channel_for(entry, recipient)
        if workspace.external_id in self.removed:
            raise DeliveryFailed(f"Slack workspace {workspace.external_id} removed the app or revoked its token; "
                                 "waiting for a reinstall (then set the new slack.bot_token and restart)",
                                 retry_after=REINSTALL_WAIT)
        token = self.token_for(workspace)
        if not token:
            raise DeliveryFailed(f"no Slack token for workspace {workspace.external_id}", permanent=True)
        key = workspace.external_id or str(workspace.id)
        self.pacer.acquire(key, channel)
        text, blocks = fallback_text(entry.payload), notice_blocks(entry.payload)
        try:
            if via := entry.payload.get("edit_via"):
                self._edit_reply(key, str(via), text, blocks)
                return None
            edit = entry.payload.get("edit")
            if edit:
                self.client(token).chat_update(channel=channel, ts=str(edit), text=text, blocks=blocks)
                return None
            if self._sent_with_chart(self.client(token), channel, entry):
                return None  # a file share is not a card that can be edited later
            thread = entry.payload.get("thread")  # a follow-through line answers in the task's thread
            sent = self.client(token).chat_postMessage(channel=channel, text=text, blocks=blocks,
                                                       thread_ts=str(thread) if thread else None)
            return Posted(str(sent.get("channel") or channel), str(sent.get("ts") or "")) if sent.get("ts") else None
        except SlackApiError as error:
            response = error.response
            raise self._api_failure(key, response.status_code, response.headers, response.data) from error
        except SlackClientError as error:
            raise DeliveryFailed(f"slack client error: {error}") from error
        except OSError as error:  # URLError, timeouts, refused connections
            raise DeliveryFailed(f"cannot reach Slack: {error}") from error

    def _edit_reply(self, key: str, response_url: str, text: str, blocks: list[Any]) -> None:
        """A card shown as the direct reply to a command or a click, replaced through its response_url. Slack answers
        404 once the URL has expired or been used five times: nothing to retry then."""
        answer = WebhookClient(response_url, timeout=self.timeout).send(text=text, blocks=blocks, replace_original=True)
        if answer.status_code == 200:
            return
        if answer.status_code == 429:
            retry_after = retry_after_seconds(answer.headers)
            self.pacer.pause(key, retry_after)
            raise DeliveryFailed("rate limited (HTTP 429)", retry_after=retry_after)
        reason = f"Slack answered HTTP {answer.status_code} {answer.body}".strip()
        raise DeliveryFailed(reason[:200], permanent=answer.status_code < 500 and answer.status_code not in (408, 425))

    def _sent_with_chart(self, client: WebClient, channel: str, entry: OutboxEntry) -> bool:
        """Upload the notice's chart with its text as the comment (files.uploadV2 flow). False when there is no
        chart or Slack refuses the file (e.g. missing_scope before files:write is granted): then the text goes alone.
        Rate limits and server errors still raise, so the deliverer retries the whole notice."""
        series = chart_of(entry.payload)
        if series is None:
            return False
        try:
            if channel.startswith(("U", "W")):  # a person: the upload needs the DM's conversation id
                channel = str(client.conversations_open(users=channel)["channel"]["id"])
            client.files_upload_v2(channel=channel, content=render_burn_up(series), filename=FILENAME,
                                   title=f"Burn-up {series.title}", initial_comment=fallback_text(entry.payload))
        except SlackApiError as error:
            if error.response.status_code == 429 or error.response.status_code >= 500:
                raise
            return False
        except SlackClientError:  # the upload URL refused the bytes
            return False
        return True

    def client(self, token: str) -> WebClient:
        """One WebClient per token, without retry handlers (the deliverer retries)."""
        with self._lock:
            client = self._clients.get(token)
            if client is None:
                client = WebClient(token=token, base_url=self.api_url, timeout=self.timeout, retry_handlers=[])
                self._clients[token] = client
            return client

    def _api_failure(self, key: str, status: int, headers: Mapping[str, Any], data: Any) -> DeliveryFailed:
        if status == 429:
            retry_after = retry_after_seconds(headers)
            self.pacer.pause(key, retry_after)
            return DeliveryFailed("rate limited (HTTP 429)", retry_after=retry_after, rate_limited=True)
        error = str(data.get("error", "")) if isinstance(data, dict) else ""
        if status >= 500:
            return DeliveryFailed(f"Slack answered HTTP {status} {error}".strip())
        if status != 200:
            return DeliveryFailed(f"Slack answered HTTP {status} {error}".strip(), permanent=status not in (408, 425))
        if error in ("ratelimited", "rate_limited"):
            retry_after = retry_after_seconds(headers)
            self.pacer.pause(key, retry_after)
            return DeliveryFailed(error, retry_after=retry_after)
        return DeliveryFailed(error or "ok: false", permanent=error in PERMANENT_ERRORS)


def _channel_for(entry: OutboxEntry, recipient: Person | None) -> str:
    if entry.conversation:
        return entry.conversation
    if recipient is None:
        raise DeliveryFailed("neither a recipient nor a conversation to deliver to", permanent=True)
    user_id = recipient.identities.get("slack")
    if not user_id:
        raise DeliveryFailed(f"{recipient.mention} has no Slack identity", permanent=True)
    return user_id  # chat.postMessage to a user id opens (or reuses) the DM


def retry_after_seconds(headers: Mapping[str, Any]) -> float:
    """Slack's Retry-After (integer seconds), read case-insensitively; 1 s when missing or odd."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) and value else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                break
    return DEFAULT_RETRY_AFTER
