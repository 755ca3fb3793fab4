"""Cards shown as direct replies (edited through the reply's handle while the platform allows), effort estimates
on tasks, and history written before dates were logged exactly turned into marks each reader sees in their zone.

Revision ID: 0010_cards_effort
Revises: 0009_scale
"""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from core.history_dates import DATED_VERBS, marked_history

revision: str = "0010_cards_effort"
down_revision: str | None = "0009_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("task_cards") as batch:
        batch.add_column(sa.Column("handle", sa.String(length=1024), nullable=True))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("uses_left", sa.Integer(), nullable=True))
    with op.batch_alter_table("tasks") as batch:
        batch.add_column(sa.Column("effort_minutes", sa.Integer(), nullable=True))
    _mark_old_history()


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch copy: on SQLite, with foreign keys on, dropping the
    # copied `tasks` table would cascade into every table that refers to it.
    op.drop_column("tasks", "effort_minutes")
    for column in ("uses_left", "expires_at", "handle"):
        op.drop_column("task_cards", column)


def _mark_old_history() -> None:
    """Each dated history line, read in its writer's zone (the workspace's for Tandem's own lines)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT a.id, a.verb, a.detail, a.at, COALESCE(p.tz, 'UTC') FROM activity a "
        "LEFT JOIN people p ON p.id = a.actor_id WHERE a.verb IN :verbs").bindparams(
        sa.bindparam("verbs", expanding=True)), {"verbs": sorted(DATED_VERBS)}).all()
    for row_id, verb, detail, at, tz in rows:
        written = _aware(at)
        marked = marked_history(verb, detail, tz or "UTC", written)
        if marked != detail:
            bind.execute(sa.text("UPDATE activity SET detail = :detail WHERE id = :id"),
                         {"detail": marked, "id": row_id})


def _aware(value: datetime | str) -> datetime:
    """SQLite returns the stored UTC wall time (as text or naive); PostgreSQL an aware instant."""
    found = datetime.fromisoformat(value) if isinstance(value, str) else value
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)
