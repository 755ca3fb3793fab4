"""Slack OAuth distribution tables: installations, bots and one-use OAuth states (read by bot/slack/oauth.py)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Float, Integer, String, Table, Text

from storage.rows.base import Base


def _ids(*extra: Column[Any]) -> list[Column[Any]]:
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("client_id", String(32), nullable=False),
        Column("enterprise_id", String(32)),
        Column("team_id", String(32)),
        *extra,
        Column("data", Text, nullable=False),
    ]


slack_installations = Table("slack_installations", Base.metadata,
                            *_ids(Column("user_id", String(32), nullable=False)))
slack_bots = Table("slack_bots", Base.metadata, *_ids(Column("is_enterprise_install", Boolean, nullable=False)))
slack_oauth_states = Table(
    "slack_oauth_states", Base.metadata,
    Column("state", String(64), primary_key=True),
    Column("expire_at", Float, nullable=False),
)
