"""Initial schema: workspaces, people, drafts, tasks, projects, goals, comments, activity, outbox.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('workspaces',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('default_tz', sa.String(length=64), nullable=False),
    sa.Column('holiday_country', sa.String(length=16), nullable=True),
    sa.Column('last_task_number', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workspaces')),
    sa.UniqueConstraint('platform', 'external_id', name=op.f('uq_workspaces_platform_external_id'))
    )
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('display_name', sa.String(length=255), nullable=False),
    sa.Column('handle', sa.String(length=255), nullable=False),
    sa.Column('handle_key', sa.String(length=255), nullable=False),
    sa.Column('name_key', sa.String(length=255), nullable=False),
    sa.Column('tz', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('external', sa.Boolean(), nullable=False),
    sa.Column('working_days', sa.String(length=16), nullable=False),
    sa.Column('work_start', sa.Time(), nullable=False),
    sa.Column('work_end', sa.Time(), nullable=False),
    sa.Column('digest_time', sa.Time(), nullable=False),
    sa.Column('digest_enabled', sa.Boolean(), nullable=False),
    sa.Column('lang', sa.String(length=16), nullable=False),
    sa.Column('holiday_country', sa.String(length=16), nullable=True),
    sa.Column('away_until', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_people_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    op.create_index(op.f('ix_people_workspace_id_handle_key'), 'people', ['workspace_id', 'handle_key'])
    op.create_index(op.f('ix_people_workspace_id_name_key'), 'people', ['workspace_id', 'name_key'])

    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('said_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('conversation', sa.String(length=255), nullable=True),
    sa.Column('message', sa.String(length=255), nullable=True),
    sa.Column('link', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['people.id'], name=op.f('fk_drafts_author_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_drafts_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts'))
    )
    op.create_index(op.f('ix_drafts_author_id'), 'drafts', ['author_id'])
    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('name_key', sa.String(length=255), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_goals_owner_id_people')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_goals_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals')),
    sa.UniqueConstraint('workspace_id', 'name_key', name=op.f('uq_goals_workspace_id_name_key'))
    )
    op.create_table('identities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=32), nullable=False),
    sa.Column('external_id', sa.String(length=255), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_identities_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_identities_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identities')),
    sa.UniqueConstraint('workspace_id', 'platform', 'external_id', name=op.f('uq_identities_workspace_id_platform_external_id'))
    )
    op.create_index(op.f('ix_identities_person_id'), 'identities', ['person_id'])

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('name_key', sa.String(length=255), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('goal_id', sa.Integer(), nullable=True),
    sa.Column('channel', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_projects_goal_id_goals')),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_projects_owner_id_people')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_projects_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_projects')),
    sa.UniqueConstraint('workspace_id', 'name_key', name=op.f('uq_projects_workspace_id_name_key'))
    )
    op.create_index(op.f('ix_projects_goal_id'), 'projects', ['goal_id'])

    op.create_table('project_members',
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_project_members_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_members_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'person_id', name=op.f('pk_project_members'))
    )
    op.create_index(op.f('ix_project_members_person_id'), 'project_members', ['person_id'])

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('agreement', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('priority', sa.String(length=16), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('due_tz', sa.String(length=64), nullable=True),
    sa.Column('due_deadline', sa.DateTime(timezone=True), nullable=True),
    sa.Column('proposed_on', sa.Date(), nullable=True),
    sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('proposed_tz', sa.String(length=64), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('origin_conversation', sa.String(length=255), nullable=True),
    sa.Column('origin_message', sa.String(length=255), nullable=True),
    sa.Column('origin_link', sa.Text(), nullable=True),
    sa.Column('visibility', sa.String(length=16), nullable=False),
    sa.Column('recurrence', sa.String(length=255), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['people.id'], name=op.f('fk_tasks_owner_id_people')),
    sa.ForeignKeyConstraint(['parent_id'], ['tasks.id'], name=op.f('fk_tasks_parent_id_tasks')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_tasks_project_id_projects')),
    sa.ForeignKeyConstraint(['requester_id'], ['people.id'], name=op.f('fk_tasks_requester_id_people')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_tasks_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tasks')),
    sa.UniqueConstraint('workspace_id', 'number', name=op.f('uq_tasks_workspace_id_number'))
    )
    op.create_index(op.f('ix_tasks_parent_id'), 'tasks', ['parent_id'])
    op.create_index(op.f('ix_tasks_project_id_status'), 'tasks', ['project_id', 'status'])
    op.create_index(op.f('ix_tasks_workspace_id_due_deadline'), 'tasks', ['workspace_id', 'due_deadline'])
    op.create_index(op.f('ix_tasks_workspace_id_origin_conversation'), 'tasks', ['workspace_id', 'origin_conversation'])
    op.create_index(op.f('ix_tasks_workspace_id_owner_id_status'), 'tasks', ['workspace_id', 'owner_id', 'status'])
    op.create_index(op.f('ix_tasks_workspace_id_requester_id_status'), 'tasks', ['workspace_id', 'requester_id', 'status'])

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('verb', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['people.id'], name=op.f('fk_activity_actor_id_people')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_activity_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    op.create_index(op.f('ix_activity_task_id'), 'activity', ['task_id'])

    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['people.id'], name=op.f('fk_comments_author_id_people')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_comments_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments'))
    )
    op.create_index(op.f('ix_comments_task_id'), 'comments', ['task_id'])

    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workspace_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=True),
    sa.Column('conversation', sa.String(length=255), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('dedupe_key', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('not_before', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by', sa.String(length=255), nullable=True),
    sa.ForeignKeyConstraint(['recipient_id'], ['people.id'], name=op.f('fk_outbox_recipient_id_people')),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_outbox_task_id_tasks'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_outbox_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_outbox_dedupe_key'))
    )
    op.create_index(op.f('ix_outbox_state_not_before'), 'outbox', ['state', 'not_before'])

    op.create_table('task_watchers',
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_task_watchers_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.id'], name=op.f('fk_task_watchers_task_id_tasks'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'person_id', name=op.f('pk_task_watchers'))
    )
    op.create_index(op.f('ix_task_watchers_person_id'), 'task_watchers', ['person_id'])



def downgrade() -> None:
    op.drop_index(op.f('ix_task_watchers_person_id'), table_name='task_watchers')

    op.drop_table('task_watchers')
    op.drop_index(op.f('ix_outbox_state_not_before'), table_name='outbox')

    op.drop_table('outbox')
    op.drop_index(op.f('ix_comments_task_id'), table_name='comments')

    op.drop_table('comments')
    op.drop_index(op.f('ix_activity_task_id'), table_name='activity')

    op.drop_table('activity')
    op.drop_index(op.f('ix_tasks_workspace_id_requester_id_status'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_workspace_id_owner_id_status'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_workspace_id_origin_conversation'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_workspace_id_due_deadline'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_project_id_status'), table_name='tasks')
    op.drop_index(op.f('ix_tasks_parent_id'), table_name='tasks')

    op.drop_table('tasks')
    op.drop_index(op.f('ix_project_members_person_id'), table_name='project_members')

    op.drop_table('project_members')
    op.drop_index(op.f('ix_projects_goal_id'), table_name='projects')

    op.drop_table('projects')
    op.drop_index(op.f('ix_identities_person_id'), table_name='identities')

    op.drop_table('identities')
    op.drop_table('goals')
    op.drop_index(op.f('ix_drafts_author_id'), table_name='drafts')
    op.drop_table('drafts')
    op.drop_index(op.f('ix_people_workspace_id_name_key'), table_name='people')
    op.drop_index(op.f('ix_people_workspace_id_handle_key'), table_name='people')

    op.drop_table('people')
    op.drop_table('workspaces')
