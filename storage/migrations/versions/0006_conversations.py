"""Conversations and their members, the kind of conversation a task was asked in, private projects.

Revision ID: 0006_conversations
Revises: 0005_process_safety
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006_conversations"
down_revision: str | None = "0005_process_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("readable", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"],
                                name=op.f("fk_conversations_workspace_id_workspaces")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversations")),
        sa.UniqueConstraint("workspace_id", "external_id", name=op.f("uq_conversations_workspace_id_external_id")),
    )
    op.create_table(
        "conversation_members",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE",
                                name=op.f("fk_conversation_members_conversation_id_conversations")),
        sa.PrimaryKeyConstraint("conversation_id", "user", name=op.f("pk_conversation_members")),
    )
    op.create_index(op.f("ix_conversation_members_user"), "conversation_members", ["user"])
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("origin_kind", sa.String(length=32), nullable=True))
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("private", sa.Boolean(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("projects", recreate="never") as batch:
        batch.drop_column("private")
    with op.batch_alter_table("tasks", recreate="never") as batch:
        batch.drop_column("origin_kind")
    op.drop_index(op.f("ix_conversation_members_user"), table_name="conversation_members")
    op.drop_table("conversation_members")
    op.drop_table("conversations")
