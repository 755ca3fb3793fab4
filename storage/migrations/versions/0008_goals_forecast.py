"""Goals get a target date and a description, for the portfolio and its forecast.

Revision ID: 0008_goals_forecast
Revises: 0007_commitment
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_goals_forecast"
down_revision: str | None = "0007_commitment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("goals") as batch:
        batch.add_column(sa.Column("target_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("goals") as batch:
        batch.drop_column("description")
        batch.drop_column("target_on")
