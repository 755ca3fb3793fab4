"""My work: each person's list cursor (for `/task list more`), and an index to find a workspace's recurring
duties (whose rotation names the person) without walking all its tasks.

Revision ID: 0011_my_work
Revises: 0015_chat
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0011_my_work"
down_revision: str | None = "0015_chat"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_cursors",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("key", sa.JSON(), nullable=False),
        sa.Column("shown", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_list_cursors_person_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_list_cursors")),
    )
    op.create_index(op.f("ix_tasks_workspace_id_recurrence"), "tasks", ["workspace_id", "recurrence"])


def downgrade() -> None:
    op.drop_index(op.f("ix_tasks_workspace_id_recurrence"), table_name="tasks")
    op.drop_table("list_cursors")
