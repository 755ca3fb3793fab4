"""The SQL unit of work: one session, one transaction, rolled back unless committed."""
from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from core.ports import (
    ActivityRepository,
    AdminStore,
    CalendarFeedRepository,
    CardRepository,
    ChannelReminderRepository,
    ChatRepository,
    CommentRepository,
    ConversationRepository,
    DraftRepository,
    GoalRepository,
    LeaseRepository,
    ListCursors,
    NoticeRepository,
    Outbox,
    PersonRepository,
    ProjectRepository,
    ReportRepository,
    SeenEvents,
    TaskRepository,
    TeamRepository,
    UnitOfWorkFactory,
    WorkspaceRepository,
)
from storage.repositories.admin import SqlAdminStore
from storage.repositories.calendars import SqlCalendarFeeds
from storage.repositories.cards import SqlCardRepository
from storage.repositories.channel_reminders import SqlChannelReminderRepository
from storage.repositories.chat import SqlChatRepository
from storage.repositories.conversations import SqlConversationRepository
from storage.repositories.cursors import SqlListCursors
from storage.repositories.drafts import SqlDraftRepository
from storage.repositories.events import SqlSeenEvents
from storage.repositories.goals import SqlGoalRepository
from storage.repositories.history import SqlActivityRepository, SqlCommentRepository
from storage.repositories.leases import SqlLeaseRepository
from storage.repositories.notices import SqlNoticeRepository
from storage.repositories.outbox import SqlOutbox
from storage.repositories.people import SqlPersonRepository
from storage.repositories.projects import SqlProjectRepository
from storage.repositories.reports import SqlReports
from storage.repositories.tasks import SqlTaskRepository
from storage.repositories.teams import SqlTeamRepository
from storage.repositories.workspaces import SqlWorkspaceRepository


class SqlUnitOfWork:
    """Opens a session on `with`, exposes the repositories, and rolls back whatever was not committed.

    `delivery` is the same outbox as `outbox`, typed with the claim/mark_* methods the deliverer uses.
    """

    workspaces: WorkspaceRepository
    people: PersonRepository
    tasks: TaskRepository
    projects: ProjectRepository
    conversations: ConversationRepository
    goals: GoalRepository
    reports: ReportRepository
    comments: CommentRepository
    activity: ActivityRepository
    outbox: Outbox
    drafts: DraftRepository
    leases: LeaseRepository
    events: SeenEvents
    cards: CardRepository
    calendars: CalendarFeedRepository
    chat: ChatRepository
    cursors: ListCursors
    teams: TeamRepository
    channel_reminders: ChannelReminderRepository
    notices: NoticeRepository
    admin: AdminStore
    delivery: SqlOutbox

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._session: Session | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise RuntimeError("this unit of work is already open; ask the factory for a new one")
        session = self._session = self._sessions()
        self.workspaces = SqlWorkspaceRepository(session)
        self.people = people = SqlPersonRepository(session)
        self.tasks = tasks = SqlTaskRepository(session)
        self._remembering: tuple[SqlPersonRepository | SqlTaskRepository, ...] = (people, tasks)
        self.projects = SqlProjectRepository(session)
        self.conversations = SqlConversationRepository(session)
        self.goals = SqlGoalRepository(session)
        self.reports = SqlReports(session)
        self.comments = SqlCommentRepository(session)
        self.activity = SqlActivityRepository(session)
        self.outbox = self.delivery = SqlOutbox(session)
        self.drafts = SqlDraftRepository(session)
        self.leases = SqlLeaseRepository(session)
        self.events = SqlSeenEvents(session)
        self.cards = SqlCardRepository(session)
        self.calendars = SqlCalendarFeeds(session)
        self.chat = SqlChatRepository(session)
        self.cursors = SqlListCursors(session)
        self.teams = SqlTeamRepository(session)
        self.channel_reminders = SqlChannelReminderRepository(session)
        self.notices = SqlNoticeRepository(session)
        self.admin = SqlAdminStore(session, people)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._open_session(), None
        try:
            session.rollback()
        finally:
            session.close()

    def commit(self) -> None:
        """Make everything done so far permanent; the unit of work stays usable for more."""
        self._open_session().commit()

    def rollback(self) -> None:
        """Discard everything not committed yet."""
        self._open_session().rollback()
        for remembering in self._remembering:
            remembering.forget()  # loaded rows and watcher sets may no longer be what the database holds

    def _open_session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a `with` block")
        return self._session


class SqlUnitOfWorkFactory:
    """Makes a fresh SqlUnitOfWork per use; share one factory per engine."""

    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def __call__(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._sessions)


if TYPE_CHECKING:
    _conforms: type[UnitOfWorkFactory] = SqlUnitOfWorkFactory
