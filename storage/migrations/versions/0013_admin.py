"""Administration: Tandem's own admin grant, deactivation, workspace defaults and the admin audit log.

Revision ID: 0013_admin
Revises: 0016_teams
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013_admin"
down_revision: str | None = "0016_teams"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def _workspace_defaults() -> tuple[sa.Column, ...]:  # type: ignore[type-arg]
    return (
        sa.Column("default_days", sa.String(length=16), nullable=True),
        sa.Column("default_work_start", sa.Time(), nullable=True),
        sa.Column("default_work_end", sa.Time(), nullable=True),
        sa.Column("default_digest_time", sa.Time(), nullable=True),
        sa.Column("default_lang", sa.String(length=16), nullable=True),
    )


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN: a batch copy of `people` or `workspaces` fails on a SQLite database with
    # rows, since every table refers to them.
    op.add_column("people", sa.Column("admin_grant", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("people", sa.Column("deactivated_at", WHEN, nullable=True))
    for column in _workspace_defaults():
        op.add_column("workspaces", column)
    op.create_table(
        "admin_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"],
                                name=op.f("fk_admin_audit_workspace_id_workspaces")),
        sa.ForeignKeyConstraint(["actor_id"], ["people.id"], name=op.f("fk_admin_audit_actor_id_people")),
        sa.ForeignKeyConstraint(["subject_id"], ["people.id"], name=op.f("fk_admin_audit_subject_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_admin_audit")),
    )
    op.create_index(op.f("ix_admin_audit_workspace_id_id"), "admin_audit", ["workspace_id", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_admin_audit_workspace_id_id"), table_name="admin_audit")
    op.drop_table("admin_audit")
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch copy: on SQLite, with foreign keys on, dropping the
    # copied `people` or `workspaces` table fails (or cascades) because every table refers to them.
    for column in reversed(_workspace_defaults()):
        op.drop_column("workspaces", column.name)
    op.drop_column("people", "deactivated_at")
    op.drop_column("people", "admin_grant")
