"""Every row class, imported together so Base.metadata knows all tables."""
from storage.rows.activity import ActivityRow, CommentRow
from storage.rows.audit import AuditRow
from storage.rows.base import Base
from storage.rows.calendars import CalendarFeedRow
from storage.rows.cards import TaskCardRow
from storage.rows.chat import ChatFocusRow, ChatPlaceRow, ChatSettingsRow
from storage.rows.conversations import ConversationMemberRow, ConversationRow
from storage.rows.cursors import ListCursorRow
from storage.rows.drafts import DraftRow
from storage.rows.events import SeenEventRow
from storage.rows.leases import LeaseRow
from storage.rows.nudges import ChannelReminderRow, HeldNoticeRow, NoticePreferenceRow
from storage.rows.outbox import OutboxRow
from storage.rows.people import IdentityRow, PersonRow, WorkspaceRow
from storage.rows.projects import GoalRow, ProjectMemberRow, ProjectRow
from storage.rows.slack import slack_bots, slack_installations, slack_oauth_states
from storage.rows.tasks import TaskRow, TaskWatcherRow
from storage.rows.teams import GroupMemberRow, GroupRow, TeamRequestRow

__all__ = [
    "ActivityRow",
    "AuditRow",
    "Base",
    "CalendarFeedRow",
    "ChannelReminderRow",
    "ChatFocusRow",
    "ChatPlaceRow",
    "ChatSettingsRow",
    "CommentRow",
    "ConversationMemberRow",
    "ConversationRow",
    "DraftRow",
    "GoalRow",
    "GroupMemberRow",
    "GroupRow",
    "HeldNoticeRow",
    "IdentityRow",
    "LeaseRow",
    "ListCursorRow",
    "NoticePreferenceRow",
    "OutboxRow",
    "PersonRow",
    "ProjectMemberRow",
    "ProjectRow",
    "SeenEventRow",
    "TaskCardRow",
    "TaskRow",
    "TaskWatcherRow",
    "TeamRequestRow",
    "WorkspaceRow",
    "slack_bots",
    "slack_installations",
    "slack_oauth_states",
]
