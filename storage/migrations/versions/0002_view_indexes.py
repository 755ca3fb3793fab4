"""Indexes for the personal views: a person's tasks in deadline order, as owner and as requester.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_tasks_workspace_id_owner_id_due_deadline", "tasks",
                    ["workspace_id", "owner_id", "due_deadline"])
    op.create_index("ix_tasks_workspace_id_requester_id_due_deadline", "tasks",
                    ["workspace_id", "requester_id", "due_deadline"])


def downgrade() -> None:
    op.drop_index("ix_tasks_workspace_id_requester_id_due_deadline", table_name="tasks")
    op.drop_index("ix_tasks_workspace_id_owner_id_due_deadline", table_name="tasks")
