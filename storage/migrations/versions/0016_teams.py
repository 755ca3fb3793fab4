"""Teams: groups and their members, requests asked of a group, channel reminders, notice preferences and held
notices.

Revision ID: 0016_teams
Revises: 0011_my_work
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

WHEN = sa.DateTime(timezone=True)

revision: str = "0016_teams"
down_revision: str | None = "0011_my_work"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, ondelete: str | None = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], ondelete=ondelete,
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("handle", sa.String(length=80), nullable=False),
        sa.Column("intake", sa.String(length=16), nullable=False),
        _fk("groups", "workspace_id", "workspaces", None),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_groups")),
        sa.UniqueConstraint("workspace_id", "external_id", name=op.f("uq_groups_workspace_id_external_id")),
    )
    op.create_index(op.f("ix_groups_handle"), "groups", ["handle"])
    op.create_table(
        "group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("user", sa.String(length=255), nullable=False),
        sa.Column("intake", sa.Boolean(), nullable=False),
        _fk("group_members", "group_id", "groups"),
        sa.PrimaryKeyConstraint("group_id", "user", name=op.f("pk_group_members")),
    )
    op.create_table(
        "team_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("conversation", sa.String(length=255), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("claimed_by", sa.Integer(), nullable=True),
        sa.Column("claimed_at", WHEN, nullable=True),
        sa.Column("follow_up_at", WHEN, nullable=True),
        sa.Column("nudges", sa.Integer(), nullable=False),
        _fk("team_requests", "workspace_id", "workspaces", None),
        _fk("team_requests", "task_id", "tasks"),
        _fk("team_requests", "group_id", "groups"),
        _fk("team_requests", "requester_id", "people"),
        sa.ForeignKeyConstraint(["claimed_by"], ["people.id"], ondelete="SET NULL",
                                name=op.f("fk_team_requests_claimed_by_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_requests")),
        sa.UniqueConstraint("task_id", name=op.f("uq_team_requests_task_id")),
    )
    op.create_index(op.f("ix_team_requests_follow_up_at"), "team_requests", ["follow_up_at"])
    op.create_table(
        "channel_reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("conversation", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("recurrence", sa.String(length=255), nullable=True),
        sa.Column("next_at", WHEN, nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        _fk("channel_reminders", "workspace_id", "workspaces", None),
        _fk("channel_reminders", "author_id", "people"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_reminders")),
    )
    op.create_index(op.f("ix_channel_reminders_conversation"), "channel_reminders", ["conversation"])
    op.create_index(op.f("ix_channel_reminders_next_at"), "channel_reminders", ["next_at"])
    op.create_table(
        "notice_preferences",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("every_minutes", sa.Integer(), nullable=False),
        _fk("notice_preferences", "person_id", "people"),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_notice_preferences")),
    )
    op.create_table(
        "held_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("held_at", WHEN, nullable=False),
        sa.Column("release_at", WHEN, nullable=False),
        _fk("held_notices", "workspace_id", "workspaces", None),
        _fk("held_notices", "person_id", "people"),
        _fk("held_notices", "task_id", "tasks"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_held_notices")),
    )
    op.create_index(op.f("ix_held_notices_person_id"), "held_notices", ["person_id"])
    op.create_index(op.f("ix_held_notices_release_at"), "held_notices", ["release_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_held_notices_release_at"), table_name="held_notices")
    op.drop_index(op.f("ix_held_notices_person_id"), table_name="held_notices")
    op.drop_table("held_notices")
    op.drop_table("notice_preferences")
    op.drop_index(op.f("ix_channel_reminders_next_at"), table_name="channel_reminders")
    op.drop_index(op.f("ix_channel_reminders_conversation"), table_name="channel_reminders")
    op.drop_table("channel_reminders")
    op.drop_index(op.f("ix_team_requests_follow_up_at"), table_name="team_requests")
    op.drop_table("team_requests")
    op.drop_table("group_members")
    op.drop_index(op.f("ix_groups_handle"), table_name="groups")
    op.drop_table("groups")
