"""The Slack app: a bolt AsyncApp with thin listeners, event dedupe, and the one error sink."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import (
    listeners_actions,
    listeners_commands,
    listeners_dm,
    listeners_events,
    listeners_shortcuts,
    listeners_views,
)
from adapters.slack.bridge import SlackCore
from adapters.slack.people import SlackPeople
from core.bus import Bus
from core.errors import new_reference_id
from core.i18n import _
from core.requests import begin_request

log = logging.getLogger("tandem.slack")
Authorize = Callable[..., Awaitable[AuthorizeResult]]


def build_slack_app(bus: Bus, *, token: str | None, signing_secret: str, api_url: str,
                    client: AsyncWebClient | None = None, authorize: Authorize | None = None,
                    installation_store: AsyncInstallationStore | None = None,
                    oauth_settings: AsyncOAuthSettings | None = None, people: SlackPeople | None = None) -> AsyncApp:
    """An AsyncApp whose Web API calls (and bolt's per-request clients) go to `api_url`.

    Replies made while answering (cards, modals, chat.update, views.publish) wait out a 429's Retry-After
    and try again, up to twice: bolt copies the client's retry handlers into each per-request client.
    """
    base_url = api_url if api_url.endswith("/") else api_url + "/"
    client = client or AsyncWebClient(token=token, base_url=base_url,
                                      retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)])
    app = AsyncApp(
        signing_secret=signing_secret, client=client,
        authorize=authorize, installation_store=installation_store, oauth_settings=oauth_settings,
        process_before_response=False, ignoring_self_events_enabled=True,
    )
    core = SlackCore(bus, people=people or SlackPeople())
    app.middleware(_request)
    app.middleware(_dedupe(bus))
    app.error(_error_sink)
    for listeners in (listeners_commands, listeners_events, listeners_dm, listeners_actions, listeners_views,
                      listeners_shortcuts):
        listeners.register(app, core)
    return app


async def _request(body: dict[str, Any], next: Callable[[], Awaitable[None]]) -> None:
    """Each request from Slack is served under its own request id (logged, and the reference of an error).
    Bolt runs the listener after the middleware returns, in the same task: so the id is set, not scoped."""
    team = body.get("team_id") or (body.get("team") or {}).get("id") or ""
    begin_request("slack", str(team))
    await next()


def _dedupe(bus: Bus) -> Callable[..., Awaitable[BoltResponse | None]]:
    """Events are retried when slow: the first delivery of an event_id is marked, later ones answered 200 unseen."""
    async def dedupe(body: dict[str, Any], next: Callable[[], Awaitable[None]]) -> BoltResponse | None:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await asyncio.to_thread(bus.first_time, f"slack:event:{event_id}"):
            return BoltResponse(status=200, body="")
        await next()
        return None
    return dedupe


async def _error_sink(error: Exception, body: dict[str, Any], respond: AsyncRespond | None = None) -> None:
    """Anything a listener did not expect: logged with a reference id; the person sees only the id."""
    reference = new_reference_id()
    log.error("unexpected Slack error %s", reference, exc_info=error)
    if respond is not None and body.get("response_url"):
        await respond(response_type="ephemeral", replace_original=False,
                      text=_("Sorry, something went wrong on my side (reference {reference}). Please try again.",
                             reference=reference))

