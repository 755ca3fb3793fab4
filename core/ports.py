"""The storage ports the core needs: repositories and a unit of work. storage/ implements them."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import TracebackType
from typing import Any, Protocol, Self

from core.activity import Activity, Comment
from core.audit import AuditEntry
from core.cards import PostedCard
from core.conversations import Conversation
from core.drafts import Draft
from core.outbox import OutboxEntry
from core.people import Person, Workspace
from core.projects import Goal, Project, ProjectStatus
from core.report.figures import WorkFigures
from core.report.health import Commitment, Request
from core.tasks import Agreement, Task


@dataclass(frozen=True)
class TaskQuery:
    """A filter over one workspace's tasks, always seen through `viewer`'s permissions."""

    workspace_id: int
    viewer: Person
    owner_id: int | None = None
    requester_id: int | None = None
    exclude_owner_id: int | None = None
    agreements: tuple[Agreement, ...] = ()
    open_only: bool = True
    project_id: int | None = None
    parent_id: int | None = None
    conversation: str | None = None
    due_before: datetime | None = None
    text: str | None = None
    number: int | None = None
    limit: int = 50
    # When set, only tasks that every member of this conversation may see (for what is posted there).
    audience: str | None = None


@dataclass(frozen=True)
class DigestMaterial:
    """What one person's digest is made of, fetched for many people at once."""

    owned: list[Task]  # open tasks the person owns (any agreement state)
    requested: list[Task]  # open tasks the person asked of someone else
    done_for_them: list[Task]  # tasks the person asked of others, completed since their last digest


class WorkspaceRepository(Protocol):
    def add(self, workspace: Workspace) -> Workspace: ...
    def add_or_get(self, workspace: Workspace) -> Workspace:
        """The workspace with this platform and external id: added unless a concurrent first sighting won."""
        ...
    def get(self, workspace_id: int) -> Workspace | None: ...
    def by_external(self, platform: str, external_id: str) -> Workspace | None: ...
    def save(self, workspace: Workspace) -> None: ...


class PersonRepository(Protocol):
    def add(self, person: Person) -> Person: ...
    def get(self, person_id: int) -> Person | None: ...
    def many(self, person_ids: Iterable[int]) -> dict[int, Person]: ...
    def add_or_get(self, person: Person, platform: str, external_id: str) -> Person:
        """`person` added with this identity, or whoever a concurrent first sighting linked it to."""
        ...
    def by_identity(self, workspace_id: int, platform: str, external_id: str) -> Person | None: ...
    def link_identity(self, person: Person, platform: str, external_id: str) -> None: ...
    def find(self, workspace_id: int, name: str) -> list[Person]:
        """People whose handle or display name is `name` (case-insensitive), exact matches first."""
        ...
    def starting_with(self, workspace_id: int, prefix: str, limit: int) -> list[Person]:
        """People whose handle or display name starts with `prefix` (case-insensitive), for autocomplete."""
        ...
    def in_workspace(self, workspace_id: int, limit: int = 1000) -> list[Person]:
        """The first `limit` people of a workspace, in the order they joined (for small rooms: the console)."""
        ...
    def save(self, person: Person) -> None: ...
    def claim_due_digests(self, now: datetime, limit: int) -> list[Person]: ...
    def without_digest_schedule(self, limit: int) -> list[Person]:
        """People whose next_digest_at was never planned (new people), to plan them."""
        ...


class TaskRepository(Protocol):
    def next_number(self, workspace_id: int) -> int: ...
    def add(self, task: Task) -> Task: ...
    def get(self, workspace_id: int, number: int) -> Task | None: ...
    def get_by_id(self, task_id: int) -> Task | None: ...
    def save(self, task: Task) -> None: ...
    def query(self, query: TaskQuery) -> list[Task]: ...
    def project_status(self, scope: TaskQuery, project: Project, now: datetime, week_end: datetime) -> ProjectStatus:
        """The project's counts over the tasks `scope` lets through (its viewer's sight, its audience)."""
        ...
    # The claim_* methods return rows whose time has come (field <= now), oldest first. On PostgreSQL they
    # lock them FOR UPDATE SKIP LOCKED, so concurrent processes get disjoint batches; the caller moves the
    # field forward in the same transaction and commits.
    def claim_due_reminders(self, now: datetime, limit: int) -> list[Task]: ...
    def claim_due_follow_ups(self, now: datetime, limit: int) -> list[Task]: ...
    def claim_due_occurrences(self, now: datetime, limit: int) -> list[Task]: ...
    def digest_material(self, people: Sequence[Person], now: datetime) -> dict[int, DigestMaterial]:
        """For each person (by id): their DigestMaterial, `done_for_them` since person.last_digest_at."""
        ...


class ProjectRepository(Protocol):
    def add(self, project: Project) -> Project: ...
    def get(self, project_id: int) -> Project | None: ...
    def by_name(self, workspace_id: int, name: str) -> Project | None: ...
    def claim_due_digests(self, now: datetime, limit: int) -> list[Project]: ...
    def list(self, workspace_id: int) -> list[Project]: ...
    def save(self, project: Project) -> None: ...


class ConversationRepository(Protocol):
    """Conversations and their members (platform user ids), kept current by the adapters."""

    def get(self, workspace_id: int, external_id: str) -> Conversation | None: ...
    def save(self, conversation: Conversation) -> Conversation:
        """Add the conversation, or update the stored one with the same workspace and external id."""
        ...
    def members(self, conversation_id: int) -> set[str]: ...
    def set_members(self, conversation_id: int, users: Iterable[str]) -> None: ...
    def add_member(self, conversation_id: int, user: str) -> None: ...
    def remove_member(self, conversation_id: int, user: str) -> None: ...
    def has_member(self, workspace_id: int, external_id: str, users: Iterable[str]) -> bool:
        """Whether any of `users` is a member of the readable conversation `external_id`."""
        ...
    def not_public(self, workspace_id: int) -> list[Conversation]:
        """The workspace's conversations that aren't public channels (whose members matter)."""
        ...


class GoalRepository(Protocol):
    def add(self, goal: Goal) -> Goal: ...
    def get(self, goal_id: int) -> Goal | None: ...
    def by_name(self, workspace_id: int, name: str) -> Goal | None: ...
    def list(self, workspace_id: int) -> list[Goal]: ...
    def save(self, goal: Goal) -> None: ...


class ReportRepository(Protocol):
    """Numbers over the tasks a viewer may see (viewer None: a channel, so only non-private tasks)."""

    def project_figures(self, workspace_id: int, viewer: Person | None, now: datetime, trend_since: datetime,
                        targets: dict[int, datetime], goal_id: int | None = None, project_id: int | None = None,
                        ) -> dict[int, WorkFigures]:
        """WorkFigures by project id (of one goal, one project, or all); `targets` maps a goal id to the instant
        after which its projects' commitments fall after the target."""
        ...
    def slips(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
              owner_ids: Iterable[int]) -> dict[int, timedelta]:
        """Each owner's mean lateness over their commitments that came due in (since, now]."""
        ...
    def commitments(self, workspace_id: int, viewer: Person | None, since: datetime, now: datetime,
                    owner_id: int | None = None, project_id: int | None = None) -> list[Commitment]: ...
    def requests(self, workspace_id: int, viewer: Person | None, since: datetime,
                 owner_id: int | None = None, project_id: int | None = None) -> list[Request]: ...
    def open_load(self, workspace_id: int, viewer: Person | None, owner_id: int | None = None,
                  project_id: int | None = None, start: datetime | None = None,
                  end: datetime | None = None) -> int: ...
    def work_history(self, workspace_id: int, viewer: Person | None, project_id: int,
                     ) -> list[tuple[datetime, datetime | None]]: ...
    def kept_by_owner(self, people: Iterable[Person], since: datetime, now: datetime,
                      ) -> dict[int, tuple[int, int]]: ...


class CommentRepository(Protocol):
    def add(self, comment: Comment) -> Comment: ...
    def for_task(self, task_id: int) -> list[Comment]: ...


class ActivityRepository(Protocol):
    def add(self, entry: Activity) -> Activity: ...
    def for_task(self, task_id: int) -> list[Activity]: ...


class DraftRepository(Protocol):
    def add(self, draft: Draft) -> Draft: ...
    def get(self, draft_id: int) -> Draft | None: ...
    def save(self, draft: Draft) -> None: ...


class CardRepository(Protocol):
    """Where task cards were posted, so a change to the task can edit them in place."""

    def add(self, card: PostedCard) -> None: ...
    def for_task(self, task_id: int) -> list[PostedCard]: ...


class Outbox(Protocol):
    def add(self, entry: OutboxEntry) -> bool:
        """Store the entry unless one with the same dedupe key exists; True when stored."""
        ...
    def add_many(self, entries: Iterable[OutboxEntry]) -> int:
        """Store each entry unless its dedupe key exists, in batched statements; how many were stored."""
        ...
    def pending(self, limit: int, now: datetime) -> Sequence[OutboxEntry]: ...
    def save(self, entry: OutboxEntry) -> None: ...


class SeenEvents(Protocol):
    """Platform deliveries already handled (Slack's event_id), so a retry does nothing."""

    def first_time(self, key: str, now: datetime) -> bool:
        """Record `key`; True the first time it is seen, False for every repeat."""
        ...


class AdminStore(Protocol):
    """What administration needs beyond the other repositories: the audit log, the admins, a person's data."""

    def record(self, entry: AuditEntry) -> None: ...
    def entries(self, workspace_id: int, offset: int, limit: int) -> list[AuditEntry]:
        """The workspace's audit entries, newest first."""
        ...
    def count(self, workspace_id: int) -> int: ...
    def admins(self, workspace_id: int) -> list[Person]:
        """Active people who are admins: by their platform role or by Tandem's own grant."""
        ...
    def drop_notices(self, person_id: int) -> int:
        """Notices still waiting for the person, dropped (they were deactivated); how many."""
        ...
    def personal_data(self, person_id: int) -> list[tuple[str, dict[str, Any]]]:
        """Every stored row about or by the person, as (table, JSON-ready row)."""
        ...
    def forget(self, person_id: int, now: datetime) -> None:
        """Erase the person's personal data everywhere (names in texts too); their tasks stay, anonymised."""
        ...


@dataclass(frozen=True)
class Lease:
    """Who holds a named lease, since when, and until when (unless renewed)."""

    name: str
    holder: str
    since: datetime | None
    until: datetime


class LeaseRepository(Protocol):
    """Named leases: at most one holder at a time until it expires (the SQLite scheduler guard)."""

    def acquire(self, name: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take or renew the lease; False when another holder's lease has not expired."""
        ...
    def take_over(self, name: str, dead_holder: str, holder: str, now: datetime, ttl: timedelta) -> bool:
        """Take the lease from `dead_holder` (known to be gone) even before it expires; False if it moved on."""
        ...
    def release(self, name: str, holder: str) -> None: ...
    def holder(self, name: str, now: datetime) -> str | None: ...
    def current(self, name: str) -> Lease | None:
        """The lease as stored, expired or not; None when nobody ever took it or it was released."""
        ...


class UnitOfWork(Protocol):
    """One transaction. Leaving the `with` block without `commit()` rolls everything back."""

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
    admin: AdminStore

    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...
