"""Chat: the task a person's DMs last named, where a platform user last used Tandem, a workspace's thread updates.

Revision ID: 0015_chat
Revises: 0012_calendar
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0015_chat"
down_revision: str | None = "0012_calendar"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_focus",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], ondelete="CASCADE",
                                name=op.f("fk_chat_focus_person_id_people")),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], ondelete="CASCADE",
                                name=op.f("fk_chat_focus_task_id_tasks")),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_chat_focus")),
    )
    op.create_index(op.f("ix_chat_focus_task_id"), "chat_focus", ["task_id"])
    op.create_table(
        "chat_places",
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("user_external_id", sa.String(length=64), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE",
                                name=op.f("fk_chat_places_workspace_id_workspaces")),
        sa.PrimaryKeyConstraint("platform", "user_external_id", name=op.f("pk_chat_places")),
    )
    op.create_index(op.f("ix_chat_places_workspace_id"), "chat_places", ["workspace_id"])
    op.create_table(
        "chat_settings",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("thread_updates", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"], ondelete="CASCADE",
                                name=op.f("fk_chat_settings_workspace_id_workspaces")),
        sa.PrimaryKeyConstraint("workspace_id", name=op.f("pk_chat_settings")),
    )
    op.create_index("ix_task_cards_channel_message", "task_cards", ["channel", "message"])


def downgrade() -> None:
    op.drop_index("ix_task_cards_channel_message", table_name="task_cards")
    op.drop_table("chat_settings")
    op.drop_index(op.f("ix_chat_places_workspace_id"), table_name="chat_places")
    op.drop_table("chat_places")
    op.drop_index(op.f("ix_chat_focus_task_id"), table_name="chat_focus")
    op.drop_table("chat_focus")
