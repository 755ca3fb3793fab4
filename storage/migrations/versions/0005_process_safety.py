"""Leases remember since when their holder has held them, so a refusal can say so.

Revision ID: 0005_process_safety
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_process_safety"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leases") as batch:
        batch.add_column(sa.Column("since", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("leases") as batch:
        batch.drop_column("since")
