"""Scheduling: reminder, follow-up and recurrence times on tasks, digest times on people and projects, leases.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)
TASK_TIMES = ("next_reminder_at", "follow_up_at", "next_occurrence_at")


def upgrade() -> None:
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("repeat_mode", sa.String(length=16), server_default="on done", nullable=False))
        batch.add_column(sa.Column("rotation", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("next_reminder_at", WHEN, nullable=True))
        batch.add_column(sa.Column("reminder_stage", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("follow_up_at", WHEN, nullable=True))
        batch.add_column(sa.Column("nudges", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("next_occurrence_at", WHEN, nullable=True))
        for column in TASK_TIMES:
            batch.create_index(f"ix_tasks_{column}", [column])
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("digest_days", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("next_digest_at", WHEN, nullable=True))
        batch.add_column(sa.Column("last_digest_at", WHEN, nullable=True))
        batch.create_index("ix_people_next_digest_at", ["next_digest_at"])
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("next_digest_at", WHEN, nullable=True))
        batch.create_index("ix_projects_next_digest_at", ["next_digest_at"])
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("holder", sa.String(length=255), nullable=False),
        sa.Column("expires_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leases")),
    )


def downgrade() -> None:
    # Native DROP COLUMN (SQLite >= 3.35): recreating tables others reference would trip their foreign keys.
    op.drop_table("leases")
    with op.batch_alter_table("projects", recreate="never") as batch:
        batch.drop_index("ix_projects_next_digest_at")
        batch.drop_column("next_digest_at")
    with op.batch_alter_table("people", recreate="never") as batch:
        batch.drop_index("ix_people_next_digest_at")
        for column in ("last_digest_at", "next_digest_at", "digest_days"):
            batch.drop_column(column)
    with op.batch_alter_table("tasks", recreate="never") as batch:
        for column in TASK_TIMES:
            batch.drop_index(f"ix_tasks_{column}")
        for column in ("next_occurrence_at", "nudges", "follow_up_at", "reminder_stage", "next_reminder_at",
                       "rotation", "repeat_mode"):
            batch.drop_column(column)
