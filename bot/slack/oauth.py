"""Multi-workspace Slack distribution: installations and OAuth state in Tandem's database, install/uninstall."""
from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from datetime import date, datetime
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import Column, ColumnElement, Table, and_, delete, select
from sqlalchemy.engine import Engine

from adapters.slack.manifest import BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH
from bot.bootstrap import Tandem
from bot.config import Config
from storage.rows import slack_bots as bots
from storage.rows import slack_installations as installations
from storage.rows import slack_oauth_states as oauth_states

log = logging.getLogger(__name__)
STATE_EXPIRATION_SECONDS = 600


def _dump(values: dict[str, Any]) -> str:
    return json.dumps(values, default=lambda v: v.isoformat() if isinstance(v, datetime | date) else str(v))


class SqlInstallationStore(AsyncInstallationStore):
    """Installations per workspace (latest wins) on Tandem's sync engine, in worker threads so the loop never blocks."""

    def __init__(self, client_id: str, engine: Engine) -> None:
        self.client_id = client_id
        self.engine = engine

    @property
    def logger(self) -> logging.Logger:
        return log

    def bot_token(self, team_id: str, enterprise_id: str | None = None) -> str | None:
        """The workspace's bot token, blocking: for the outbox sender, which runs in a worker thread."""
        bot = self._find_bot(enterprise_id, team_id)
        return bot.bot_token if bot is not None else None

    async def async_save(self, installation: Installation) -> None:
        await asyncio.to_thread(self._save, installation)

    async def async_save_bot(self, bot: Bot) -> None:
        await asyncio.to_thread(self._save_bot, bot)

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        return await asyncio.to_thread(self._find_bot, enterprise_id, None if is_enterprise_install else team_id)

    async def async_find_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        team = None if is_enterprise_install else team_id
        return await asyncio.to_thread(self._find_installation, enterprise_id, team, user_id)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await asyncio.to_thread(self._delete, bots, self._where(bots, enterprise_id, team_id))

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None,
    ) -> None:
        where = self._where(installations, enterprise_id, team_id)
        if user_id is not None:
            where = and_(where, installations.c.user_id == user_id)
        await asyncio.to_thread(self._delete, installations, where)

    def _where(self, table: Table, enterprise_id: str | None, team_id: str | None) -> ColumnElement[bool]:
        c = table.c
        return and_(c.client_id == self.client_id, _same(c.enterprise_id, enterprise_id), _same(c.team_id, team_id))

    def _save(self, installation: Installation) -> None:
        where = and_(self._where(installations, installation.enterprise_id, _team(installation)),
                     installations.c.user_id == installation.user_id)
        row = {"client_id": self.client_id, "enterprise_id": installation.enterprise_id,
               "team_id": _team(installation), "user_id": installation.user_id,
               "data": _dump(installation.to_dict_for_copying())}
        with self.engine.begin() as connection:
            connection.execute(delete(installations).where(where))
            connection.execute(installations.insert(), row)
        if installation.bot_token:
            self._save_bot(installation.to_bot())

    def _save_bot(self, bot: Bot) -> None:
        team = None if bot.is_enterprise_install else bot.team_id
        row = {"client_id": self.client_id, "enterprise_id": bot.enterprise_id, "team_id": team,
               "is_enterprise_install": bool(bot.is_enterprise_install), "data": _dump(bot.to_dict_for_copying())}
        with self.engine.begin() as connection:
            connection.execute(delete(bots).where(self._where(bots, bot.enterprise_id, team)))
            connection.execute(bots.insert(), row)

    def _latest(self, table: Table, where: ColumnElement[bool]) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            data = connection.execute(select(table.c.data).where(where).order_by(table.c.id.desc()).limit(1)).scalar()
        return json.loads(data) if data else None

    def _find_bot(self, enterprise_id: str | None, team_id: str | None) -> Bot | None:
        data = self._latest(bots, self._where(bots, enterprise_id, team_id))
        return Bot(**data) if data else None

    def _find_installation(
        self, enterprise_id: str | None, team_id: str | None, user_id: str | None,
    ) -> Installation | None:
        where = self._where(installations, enterprise_id, team_id)
        if user_id is not None:
            where = and_(where, installations.c.user_id == user_id)
        data = self._latest(installations, where)
        if data is None:
            return None
        installation = Installation(**data)
        if user_id is not None or installation.bot_token is None:
            _take_bot(installation, self._find_bot(enterprise_id, team_id))
        return installation

    def _delete(self, table: Table, where: ColumnElement[bool]) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(table).where(where))


def _same(column: Column[Any], value: str | None) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def _team(installation: Installation) -> str | None:
    return None if installation.is_enterprise_install else installation.team_id


def _take_bot(installation: Installation, bot: Bot | None) -> None:
    """A user's installation carries the workspace's latest bot token (as slack_sdk's own stores do)."""
    if bot is None:
        return
    installation.bot_id, installation.bot_user_id, installation.bot_token = bot.bot_id, bot.bot_user_id, bot.bot_token
    installation.bot_scopes, installation.bot_refresh_token = bot.bot_scopes, bot.bot_refresh_token
    installation.bot_token_expires_at = bot.bot_token_expires_at


class SqlStateStore(AsyncOAuthStateStore):
    """One-use OAuth `state` values in the database, so any Tandem process can finish a flow another started."""

    def __init__(self, engine: Engine, expiration_seconds: int = STATE_EXPIRATION_SECONDS) -> None:
        self.engine = engine
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = uuid.uuid4().hex
        await asyncio.to_thread(self._insert, state, time.time())
        return state

    async def async_consume(self, state: str) -> bool:
        return await asyncio.to_thread(self._consume, state, time.time())

    def _insert(self, state: str, now: float) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(oauth_states).where(oauth_states.c.expire_at < now))  # expired, never used
            connection.execute(oauth_states.insert(), {"state": state, "expire_at": now + self.expiration_seconds})

    def _consume(self, state: str, now: float) -> bool:
        with self.engine.begin() as connection:
            gone = connection.execute(
                delete(oauth_states).where(oauth_states.c.state == state, oauth_states.c.expire_at > now))
        return bool(gone.rowcount == 1)


def installation_store(config: Config, engine: Engine) -> SqlInstallationStore:
    """The installation store for `slack.client_id` (its tables come from the migrations)."""
    client_id = config.slack.client_id
    if not client_id:
        raise ValueError("slack.client_id is needed to store Slack installations")
    return SqlInstallationStore(client_id, engine)


def oauth_settings(config: Config, tandem: Tandem) -> AsyncOAuthSettings | None:
    """OAuth install settings (install at /slack/install), or None unless client id and secret are both set."""
    slack = config.slack
    if not slack.client_id or not slack.client_secret:
        return None
    return AsyncOAuthSettings(
        client_id=slack.client_id,
        client_secret=slack.client_secret,
        scopes=list(BOT_SCOPES),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installation_store(config, tandem.engine),
        state_store=SqlStateStore(tandem.engine),
        state_expiration_seconds=STATE_EXPIRATION_SECONDS,
        logger=log,
    )


def register_lifecycle(app: AsyncApp, store: AsyncInstallationStore) -> None:
    """Forget a workspace on `app_uninstalled`, and revoked bot/user tokens on `tokens_revoked`."""

    async def uninstalled(context: AsyncBoltContext) -> None:
        log.info("Slack app uninstalled from team %s (enterprise %s)", context.team_id, context.enterprise_id)
        await store.async_delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)

    async def revoked(event: dict[str, Any], context: AsyncBoltContext) -> None:
        tokens = event.get("tokens") or {}
        for user_id in tokens.get("oauth") or []:
            await store.async_delete_installation(
                enterprise_id=context.enterprise_id, team_id=context.team_id, user_id=user_id,
            )
        if tokens.get("bot"):
            log.info("Slack bot token revoked in team %s", context.team_id)
            await store.async_delete_bot(enterprise_id=context.enterprise_id, team_id=context.team_id)

    app.event("app_uninstalled")(uninstalled)
    app.event("tokens_revoked")(revoked)
