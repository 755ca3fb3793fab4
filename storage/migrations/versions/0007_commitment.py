"""Where task cards were posted (so they can be edited when the task changes), and drafts kept when closed
(so a draft number is never used twice).

Revision ID: 0007_commitment
Revises: 0006_conversations
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007_commitment"
down_revision: str | None = "0006_conversations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=True),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=64), nullable=False),
        sa.Column("message", sa.String(length=64), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_task_cards_task_id_tasks"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recipient_id"], ["people.id"], name=op.f("fk_task_cards_recipient_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_cards")),
    )
    op.create_index(op.f("ix_task_cards_task_id"), "task_cards", ["task_id"])
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("closed_at")
    op.drop_index(op.f("ix_task_cards_task_id"), table_name="task_cards")
    op.drop_table("task_cards")
