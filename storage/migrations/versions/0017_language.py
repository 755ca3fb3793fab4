"""Language: whether a person chose their language (/task settings language), so the platform's locale no longer
replaces it.

Revision ID: 0017_language
Revises: 0013_admin
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0017_language"
down_revision: str | None = "0013_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("people", sa.Column("lang_chosen", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("people", "lang_chosen")  # not a batch copy: see 0010_cards_effort
