"""Scale: the Slack OAuth tables (once made by create_all) and an index for the outbox cleanup.

Revision ID: 0009_scale
Revises: 0008_goals_forecast
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0009_scale"
down_revision: str | None = "0008_goals_forecast"
branch_labels = None
depends_on = None

SLACK_TABLES = ("slack_installations", "slack_bots", "slack_oauth_states")


def _ids(*extra: sa.Column) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("client_id", sa.String(length=32), nullable=False),
        sa.Column("enterprise_id", sa.String(length=32), nullable=True),
        sa.Column("team_id", sa.String(length=32), nullable=True),
        *extra,
        sa.Column("data", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    # Databases that ran Slack OAuth before this revision already have these tables, made by create_all
    # with the same shapes: they are kept as they are.
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "slack_installations" not in existing:
        op.create_table("slack_installations", *_ids(sa.Column("user_id", sa.String(length=32), nullable=False)),
                        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_installations")))
    if "slack_bots" not in existing:
        op.create_table("slack_bots", *_ids(sa.Column("is_enterprise_install", sa.Boolean(), nullable=False)),
                        sa.PrimaryKeyConstraint("id", name=op.f("pk_slack_bots")))
    if "slack_oauth_states" not in existing:
        op.create_table(
            "slack_oauth_states",
            sa.Column("state", sa.String(length=64), nullable=False),
            sa.Column("expire_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("state", name=op.f("pk_slack_oauth_states")),
        )
    op.create_index(op.f("ix_outbox_state_sent_at"), "outbox", ["state", "sent_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_state_sent_at"), table_name="outbox")
    for table in reversed(SLACK_TABLES):
        op.drop_table(table)
