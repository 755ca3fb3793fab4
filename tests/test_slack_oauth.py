"""Slack OAuth distribution: installations in our database, the install page, the redirect, uninstall and revoke."""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import parse_qs, urlparse

import aiohttp
import pytest
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import Engine, func, select

from adapters.slack.manifest import BOT_SCOPES
from bot.bootstrap import Tandem
from bot.config import Config
from bot.config.model import SlackConfig
from bot.slack.oauth import (
    SqlInstallationStore,
    SqlStateStore,
    bots,
    installation_store,
    oauth_settings,
    oauth_states,
    register_lifecycle,
)
from tests.fakeslack.server import FakeSlack, running_fake_slack

SECRET = "signing-secret"
CLIENT_ID = "111.222"


def _config(client_id: str | None = CLIENT_ID, client_secret: str | None = "shh") -> Config:
    return Config(slack=SlackConfig(enabled=True, signing_secret=SECRET, client_id=client_id,
                                    client_secret=client_secret))


def _tandem(engine: Engine) -> Tandem:
    return cast(Tandem, SimpleNamespace(engine=engine))


def _installation(team: str = "T1", user: str = "U1", token: str = "xoxb-t1") -> Installation:
    return Installation(app_id="A1", team_id=team, team_name="Team", user_id=user, bot_token=token, bot_id="B1",
                        bot_user_id="UBOT", bot_scopes=list(BOT_SCOPES), installed_at=time.time())


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake_slack() as running:
        yield running


def test_a_saved_installation_gives_the_bot_token_for_its_team(engine: Engine) -> None:
    store = installation_store(_config(), engine)

    async def scenario() -> None:
        await store.async_save(_installation("T1", token="xoxb-one"))
        await store.async_save(_installation("T2", token="xoxb-two"))
        bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
        installation = await store.async_find_installation(enterprise_id=None, team_id="T2")
        assert bot is not None and bot.bot_token == "xoxb-one"
        assert installation is not None and installation.bot_token == "xoxb-two" and installation.user_id == "U1"
        assert await store.async_find_bot(enterprise_id=None, team_id="T3") is None

    asyncio.run(scenario())
    assert store.bot_token("T2") == "xoxb-two" and store.bot_token("T3") is None


def test_reinstalling_replaces_the_token_rather_than_piling_up_rows(engine: Engine) -> None:
    store = installation_store(_config(), engine)

    async def scenario() -> None:
        await store.async_save(_installation("T1", token="xoxb-old"))
        await store.async_save(_installation("T1", token="xoxb-new"))
        bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
        assert bot is not None and bot.bot_token == "xoxb-new"

    asyncio.run(scenario())
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(bots)).scalar() == 1


def test_installations_of_another_client_id_are_not_visible(engine: Engine) -> None:
    mine, theirs = installation_store(_config(), engine), SqlInstallationStore("999.999", engine)
    asyncio.run(theirs.async_save(_installation("T1")))
    assert asyncio.run(mine.async_find_bot(enterprise_id=None, team_id="T1")) is None


def test_no_oauth_settings_without_both_client_credentials(engine: Engine) -> None:
    assert oauth_settings(_config(client_id=None), _tandem(engine)) is None
    assert oauth_settings(_config(client_secret=None), _tandem(engine)) is None
    settings = oauth_settings(_config(), _tandem(engine))
    assert settings is not None
    assert settings.install_path == "/slack/install" and settings.redirect_uri_path == "/slack/oauth_redirect"
    assert list(settings.scopes) == list(BOT_SCOPES)


def test_an_oauth_state_can_be_used_once(engine: Engine) -> None:
    states = SqlStateStore(engine)

    async def scenario() -> None:
        state = await states.async_issue()
        assert await states.async_consume(state) is True
        assert await states.async_consume(state) is False
        assert await states.async_consume("never-issued") is False

    asyncio.run(scenario())


def test_an_expired_oauth_state_is_refused(engine: Engine) -> None:
    states = SqlStateStore(engine, expiration_seconds=-1)
    assert asyncio.run(states.async_consume(asyncio.run(states.async_issue()))) is False


@asynccontextmanager
async def _serve(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def _bolt(engine: Engine, api_url: str) -> AsyncApp:
    settings = oauth_settings(_config(), _tandem(engine))
    return AsyncApp(signing_secret=SECRET, oauth_settings=settings, client=AsyncWebClient(base_url=api_url))


def test_the_install_path_links_to_slacks_authorize_page(engine: Engine, fake: FakeSlack) -> None:
    async def scenario() -> None:
        async with (_serve(_bolt(engine, fake.api_url).web_app()) as base, aiohttp.ClientSession() as http,
                    http.get(f"{base}/slack/install", allow_redirects=False) as response):
            assert response.status in (200, 302)
            page = await response.text()
        link = page[page.index("https://slack.com/oauth/v2/authorize"):].split('"')[0].replace("&amp;", "&")
        query = parse_qs(urlparse(link).query)
        assert query["client_id"] == [CLIENT_ID]
        assert query["scope"] == [",".join(BOT_SCOPES)]
        assert query["state"]

    asyncio.run(scenario())
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(oauth_states)).scalar() == 1


def _oauth_api() -> web.Application:
    """Slack's side of the code exchange: oauth.v2.access, then auth.test with the new bot token."""

    async def access(request: web.Request) -> web.Response:
        form = await request.post()
        if form.get("code") != "the-code":
            return web.json_response({"ok": False, "error": "invalid_code"})
        return web.json_response({
            "ok": True, "app_id": "A1", "access_token": "xoxb-installed", "token_type": "bot",
            "scope": ",".join(BOT_SCOPES), "bot_user_id": "UBOT", "team": {"id": "T9", "name": "Nine"},
            "enterprise": None, "is_enterprise_install": False, "authed_user": {"id": "U9"},
        })

    async def auth_test(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "team_id": "T9", "user_id": "UBOT", "bot_id": "B9"})

    app = web.Application()
    app.router.add_post("/api/oauth.v2.access", access)
    app.router.add_post("/api/auth.test", auth_test)
    return app


def test_finishing_the_oauth_flow_stores_the_workspace(engine: Engine) -> None:
    async def scenario() -> None:
        async with _serve(_oauth_api()) as api:
            bolt = _bolt(engine, f"{api}/api/")
            async with _serve(bolt.web_app()) as base, aiohttp.ClientSession() as http:
                async with http.get(f"{base}/slack/install") as response:
                    page = await response.text()
                    cookie = {name: morsel.value for name, morsel in response.cookies.items()}  # Secure: not resent
                state = parse_qs(urlparse(page[page.index("https://slack.com/oauth/v2/authorize"):]
                                          .split('"')[0].replace("&amp;", "&")).query)["state"][0]
                redirect = f"{base}/slack/oauth_redirect?code=the-code&state={state}"
                async with http.get(redirect, allow_redirects=False, cookies=cookie) as response:
                    assert response.status == 200, await response.text()
        bot = await installation_store(_config(), engine).async_find_bot(enterprise_id=None, team_id="T9")
        assert bot is not None and bot.bot_token == "xoxb-installed" and bot.bot_id == "B9"

    asyncio.run(scenario())


def _signed(body: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body).encode()
    stamp = str(int(time.time()))
    signature = hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + raw, hashlib.sha256).hexdigest()
    return raw, {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                 "X-Slack-Signature": f"v0={signature}"}


def _event(event: dict[str, Any], team: str = "T1") -> dict[str, Any]:
    return {"type": "event_callback", "team_id": team, "api_app_id": "A1", "event_id": f"Ev{time.time_ns()}",
            "event_time": int(time.time()), "event": event}


async def _eventually(find: Callable[[], Awaitable[object]], seconds: float = 30.0) -> None:
    """bolt acks an event before its listener runs, so wait for the listener's effect."""
    deadline = time.monotonic() + seconds
    while await find() is not None:
        assert time.monotonic() < deadline, "the listener did not delete the record"
        await asyncio.sleep(0.02)


async def _deliver(base: str, body: dict[str, Any]) -> int:
    raw, headers = _signed(body)
    async with aiohttp.ClientSession() as http, http.post(f"{base}/slack/events", data=raw, headers=headers) as r:
        return r.status


def test_uninstalling_the_app_forgets_the_workspace(engine: Engine, fake: FakeSlack) -> None:
    store = installation_store(_config(), engine)

    async def scenario() -> None:
        await store.async_save(_installation("T1"))
        await store.async_save(_installation("T2", token="xoxb-other"))
        bolt = _bolt(engine, fake.api_url)
        register_lifecycle(bolt, store)
        async with _serve(bolt.web_app()) as base:
            assert await _deliver(base, _event({"type": "app_uninstalled"}, team="T1")) == 200
            await _eventually(lambda: store.async_find_installation(enterprise_id=None, team_id="T1"))  # goes last
        assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
        assert await store.async_find_bot(enterprise_id=None, team_id="T2") is not None

    asyncio.run(scenario())


def test_a_revoked_bot_token_is_deleted(engine: Engine, fake: FakeSlack) -> None:
    store = installation_store(_config(), engine)

    async def scenario() -> None:
        await store.async_save(_installation("T1"))
        bolt = _bolt(engine, fake.api_url)
        register_lifecycle(bolt, store)
        async with _serve(bolt.web_app()) as base:
            revoked = {"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": ["UBOT"]}}
            assert await _deliver(base, _event(revoked, team="T1")) == 200
            await _eventually(lambda: store.async_find_bot(enterprise_id=None, team_id="T1"))  # goes last
        assert await store.async_find_installation(enterprise_id=None, team_id="T1", user_id="U1") is None

    asyncio.run(scenario())
