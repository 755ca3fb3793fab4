"""In-memory fakes of the storage ports, for handler tests that need no database."""
from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import TracebackType
from typing import Any, Self

from core.chat import ChatSettings
from core.conversations import Conversation
from core.outbox import DeliveryState, OutboxEntry
from core.people import Person, Workspace
from core.permissions import Act, Reach, can, sees_project
from core.ports import TaskQuery
from core.projects import Project, ProjectStatus
from core.tasks import Agreement, Status, Task, Visibility


@dataclass
class Store:
    """All rows, by table; a FakeUnitOfWork works on a copy and writes it back on commit."""

    tables: dict[str, dict[int, Any]] = field(default_factory=dict)
    identities: dict[tuple[int, str, str], int] = field(default_factory=dict)
    members: dict[int, set[str]] = field(default_factory=dict)  # conversation id -> platform user ids
    next_id: int = 1

    def table(self, name: str) -> dict[int, Any]:
        return self.tables.setdefault(name, {})

    def insert(self, name: str, row: Any) -> Any:
        row = replace(row, id=self.next_id)
        self.next_id += 1
        self.table(name)[row.id] = row
        return row


class _Table:
    def __init__(self, store: Store, name: str) -> None:
        self.store, self.name = store, name

    def add(self, row: Any) -> Any:
        return copy.deepcopy(self.store.insert(self.name, row))

    def get(self, row_id: int) -> Any:
        return copy.deepcopy(self.store.table(self.name).get(row_id))

    def save(self, row: Any) -> None:
        self.store.table(self.name)[row.id] = copy.deepcopy(row)

    def rows(self) -> list[Any]:
        return [copy.deepcopy(r) for r in self.store.table(self.name).values()]


class FakeWorkspaces(_Table):
    def add_or_get(self, workspace: Workspace) -> Workspace:
        return self.by_external(workspace.platform, workspace.external_id) or self.add(workspace)

    def by_external(self, platform: str, external_id: str) -> Workspace | None:
        return next((w for w in self.rows() if (w.platform, w.external_id) == (platform, external_id)), None)


class FakePeople(_Table):
    def get(self, row_id: int) -> Any:
        person = super().get(row_id)
        if person is not None:
            person.identities = {platform: ext for (_, platform, ext), pid in self.store.identities.items()
                                 if pid == row_id}
        return person

    def many(self, person_ids: Iterable[int]) -> dict[int, Person]:
        return {i: p for i in person_ids if (p := self.get(i)) is not None}

    def add_or_get(self, person: Person, platform: str, external_id: str) -> Person:
        found = self.by_identity(person.workspace_id, platform, external_id)
        if found is not None:
            return found
        added: Person = self.add(person)
        self.link_identity(added, platform, external_id)
        added.identities[platform] = external_id
        return added

    def by_identity(self, workspace_id: int, platform: str, external_id: str) -> Person | None:
        person_id = self.store.identities.get((workspace_id, platform, external_id))
        return self.get(person_id) if person_id else None

    def link_identity(self, person: Person, platform: str, external_id: str) -> None:
        self.store.identities[(person.workspace_id, platform, external_id)] = person.id or 0

    def find(self, workspace_id: int, name: str) -> list[Person]:
        key = name.lstrip("@").lower()
        return [p for p in self.rows() if p.workspace_id == workspace_id
                and key in (p.handle.lower(), p.display_name.lower())]

    def starting_with(self, workspace_id: int, prefix: str, limit: int) -> list[Person]:
        key = prefix.lstrip("@").lower()
        found = [p for p in self.rows() if p.workspace_id == workspace_id and key
                 and (p.handle.lower().startswith(key) or p.display_name.lower().startswith(key))]
        return sorted(found, key=lambda p: p.handle.lower())[:limit]

    def in_workspace(self, workspace_id: int, limit: int = 1000) -> list[Person]:
        return [p for p in self.rows() if p.workspace_id == workspace_id][:limit]


class FakeTasks(_Table):
    def next_number(self, workspace_id: int) -> int:
        return 1 + max((t.number for t in self.rows() if t.workspace_id == workspace_id), default=0)

    def get(self, workspace_id: int, number: int | None = None) -> Task | None:  # type: ignore[override]
        return next((t for t in self.rows() if (t.workspace_id, t.number) == (workspace_id, number)), None)

    def get_by_id(self, task_id: int) -> Task | None:
        return copy.deepcopy(self.store.table(self.name).get(task_id))

    def query(self, q: TaskQuery) -> list[Task]:
        found = [t for t in self.rows() if t.workspace_id == q.workspace_id and self._sees(q, t)
                 and (q.owner_id is None or t.owner_id == q.owner_id)
                 and (q.requester_id is None or t.requester_id == q.requester_id)
                 and (q.exclude_owner_id is None or t.owner_id != q.exclude_owner_id)
                 and (not q.agreements or t.agreement in q.agreements)
                 and (not q.open_only or t.is_open)
                 and (q.project_id is None or t.project_id == q.project_id)
                 and (q.parent_id is None or t.parent_id == q.parent_id)
                 and (q.conversation is None or (t.origin and t.origin.conversation == q.conversation))
                 and (q.due_before is None or (t.due is not None and t.due.deadline() < q.due_before))
                 and (q.text is None or q.text.lower() in (t.title + " " + t.notes).lower())
                 and (q.number is None or t.number == q.number)]
        return found[: q.limit]

    def _sees(self, q: TaskQuery, task: Task) -> bool:
        if q.audience is not None:
            raise NotImplementedError("audiences are tested against the SQL stores")
        users = {ext for (ws, _, ext), pid in self.store.identities.items() if pid == q.viewer.id}
        conversation = FakeConversations(self.store, "conversations")
        in_conversation = task.origin is not None and conversation.has_member(task.workspace_id,
                                                                              task.origin.conversation, users)
        project = self.store.table("projects").get(task.project_id or 0)
        return can(q.viewer, Act.SEE, task, Reach(in_conversation, project is None or sees_project(q.viewer, project)))

    def project_status(self, scope: TaskQuery, project: Project, now: datetime, week_end: datetime) -> ProjectStatus:
        tasks = [t for t in self.rows() if t.project_id == project.id and self._sees(scope, t)]
        counts: dict[str, int] = {}
        for task in tasks:
            counts[str(task.status)] = counts.get(str(task.status), 0) + 1
        live = [t for t in tasks if t.is_open]
        return ProjectStatus(
            project, counts, sum(t.is_overdue(now) for t in live),
            sum(t.agreement is Agreement.REQUESTED and t.is_request for t in live),
            sum(t.agreement is Agreement.COMMITTED and t.due is not None and now < t.due.deadline() <= week_end
                for t in live), len(tasks))


class FakeReports(_Table):
    """The load and kept counts over the stored tasks; the roll-up figures live in SQL only (tested there)."""

    def _commitments(self, workspace_id: int, viewer: Person | None) -> list[Task]:
        return [t for t in self.rows() if t.workspace_id == workspace_id and t.status is not Status.CANCELLED
                and t.agreement is Agreement.COMMITTED and t.due is not None
                and (can(viewer, Act.SEE, t) if viewer else t.visibility is Visibility.WORKSPACE)]

    def open_load(self, workspace_id: int, viewer: Person | None, owner_id: int | None = None,
                  project_id: int | None = None, start: datetime | None = None, end: datetime | None = None) -> int:
        return sum(1 for t in self._commitments(workspace_id, viewer) if t.is_open and t.due is not None
                   and (owner_id is None or t.owner_id == owner_id)
                   and (project_id is None or t.project_id == project_id)
                   and (start is None or t.due.deadline() >= start) and (end is None or t.due.deadline() < end))

    def open_effort(self, workspace_id: int, viewer: Person | None, owner_id: int, start: datetime,
                    end: datetime) -> int:
        return sum(t.effort_minutes or 0 for t in self._commitments(workspace_id, viewer) if t.is_open
                   and t.due is not None and t.owner_id == owner_id and start <= t.due.deadline() < end)

    def kept_by_owner(self, people: Iterable[Person], since: datetime, now: datetime) -> dict[int, tuple[int, int]]:
        counts: dict[int, tuple[int, int]] = {}
        ids = {p.id for p in people}
        for task in (t for t in self.rows() if t.owner_id in ids and t.agreement is Agreement.COMMITTED
                     and t.due is not None and t.status is not Status.CANCELLED):
            assert task.due is not None
            if since < task.due.deadline() <= now:
                kept, due = counts.get(task.owner_id, (0, 0))
                on_time = task.completed_at is not None and task.completed_at <= task.due.deadline()
                counts[task.owner_id] = (kept + on_time, due + 1)
        return counts


class FakeConversations(_Table):
    def get(self, workspace_id: int, external_id: str) -> Conversation | None:  # type: ignore[override]
        return next((c for c in self.rows() if (c.workspace_id, c.external_id) == (workspace_id, external_id)), None)

    def save(self, conversation: Conversation) -> Conversation:  # type: ignore[override]
        stored = self.get(conversation.workspace_id, conversation.external_id)
        if stored is None:
            return self.add(conversation)  # type: ignore[no-any-return]
        conversation.id = stored.id
        super().save(conversation)
        return conversation

    def members(self, conversation_id: int) -> set[str]:
        return set(self.store.members.get(conversation_id, set()))

    def set_members(self, conversation_id: int, users: Iterable[str]) -> None:
        self.store.members[conversation_id] = set(users)

    def add_member(self, conversation_id: int, user: str) -> None:
        self.store.members.setdefault(conversation_id, set()).add(user)

    def remove_member(self, conversation_id: int, user: str) -> None:
        self.store.members.get(conversation_id, set()).discard(user)

    def has_member(self, workspace_id: int, external_id: str, users: Iterable[str]) -> bool:
        found = self.get(workspace_id, external_id)
        return found is not None and found.readable and bool(self.members(found.id or 0) & set(users))


    def not_public(self, workspace_id: int) -> list[Conversation]:
        return [c for c in self.rows() if c.workspace_id == workspace_id and not c.kind.is_public]


class FakeNamed(_Table):
    def by_name(self, workspace_id: int, name: str) -> Any:
        return next((r for r in self.rows() if r.workspace_id == workspace_id and r.name.lower() == name.lower()),
                    None)

    def list(self, workspace_id: int) -> list[Any]:
        return [r for r in self.rows() if r.workspace_id == workspace_id]


class FakeHistory(_Table):
    def for_task(self, task_id: int) -> list[Any]:
        return [r for r in self.rows() if r.task_id == task_id]


class FakeCards(_Table):
    def for_task(self, task_id: int) -> list[Any]:
        return [r for r in self.rows() if r.task_id == task_id]

    def spend(self, card_id: int) -> None:
        card = self.get(card_id)
        if card is not None and card.uses_left is not None:
            self.save(replace(card, uses_left=max(0, card.uses_left - 1)))
    def at_message(self, platform: str, channel: str, message: str) -> Any:
        found = [r for r in self.rows() if (r.platform, r.channel, r.message) == (platform, channel, message)]
        return found[-1] if found else None


class FakeTeams(_Table):
    """No groups: the in-memory handler tests ask people, not groups (groups are tested on SQL)."""

    def group_by_handle(self, workspace_id: int, handle: str) -> None:
        return None


class FakeNotices(_Table):
    """Everyone gets notices at once; held ones are kept like any row."""

    def preference(self, person_id: int) -> Any:
        from core.notices import NoticePreference
        return NoticePreference()

    def pending_release(self, person_id: int) -> datetime | None:
        return min((r.release_at for r in self.rows() if r.person_id == person_id), default=None)

    def hold(self, notice: Any) -> None:
        self.add(notice)


class FakeOutbox(_Table):
    def add(self, entry: OutboxEntry) -> bool:
        if any(e.dedupe_key == entry.dedupe_key for e in self.rows()):
            return False
        super().add(entry)
        return True

    def add_many(self, entries: Iterable[OutboxEntry]) -> int:
        return sum(self.add(entry) for entry in entries)

    def pending(self, limit: int, now: datetime) -> Sequence[OutboxEntry]:
        due = [e for e in self.rows() if e.state is DeliveryState.PENDING and e.not_before <= now]
        return due[:limit]


class FakeCalendars(_Table):
    """Calendar feeds by person id (the table's key), each a (token hash, made at) pair."""

    def replace(self, person_id: int, token_hash: str, now: datetime) -> None:
        self.store.table(self.name)[person_id] = (token_hash, now)

    def exists(self, person_id: int) -> bool:
        return person_id in self.store.table(self.name)

    def person_for(self, token_hash: str) -> int | None:
        found = [person for person, (stored, _) in self.store.table(self.name).items() if stored == token_hash]
        return found[0] if found else None

    def revoke(self, person_id: int) -> None:
        self.store.table(self.name).pop(person_id, None)


class FakeChat:
    """Focus, places and chat settings kept in the store's "chat" table, by key."""

    def __init__(self, store: Store) -> None:
        self.kept = store.tables.setdefault("chat", {})
        self.identities = store.identities

    def focus(self, person_id: int) -> int | None:
        return self.kept.get(("focus", person_id))  # type: ignore[no-any-return]

    def set_focus(self, person_id: int, task_id: int, at: datetime) -> None:
        self.kept[("focus", person_id)] = task_id  # type: ignore[index]

    def place(self, platform: str, user: str) -> int | None:
        return self.kept.get(("place", platform, user))  # type: ignore[no-any-return]

    def set_place(self, platform: str, user: str, workspace_id: int, at: datetime) -> None:
        self.kept[("place", platform, user)] = workspace_id  # type: ignore[index]

    def workspaces_of(self, platform: str, user: str) -> list[int]:
        return sorted({w for (w, p, u) in self.identities if (p, u) == (platform, user)})

    def settings(self, workspace_id: int) -> ChatSettings | None:
        return self.kept.get(("settings", workspace_id))  # type: ignore[no-any-return]

    def save_settings(self, settings: ChatSettings) -> None:
        self.kept[("settings", settings.workspace_id)] = settings  # type: ignore[index]


class FakeUnitOfWork:
    """A unit of work over a Store: changes become visible to others only on commit."""

    def __init__(self, store: Store) -> None:
        self.shared = store
        self.committed = False

    def __enter__(self) -> Self:
        self.store = copy.deepcopy(self.shared)
        self.workspaces = FakeWorkspaces(self.store, "workspaces")
        self.people = FakePeople(self.store, "people")
        self.tasks = FakeTasks(self.store, "tasks")
        self.projects = FakeNamed(self.store, "projects")
        self.conversations = FakeConversations(self.store, "conversations")
        self.goals = FakeNamed(self.store, "goals")
        self.reports = FakeReports(self.store, "tasks")
        self.comments = FakeHistory(self.store, "comments")
        self.activity = FakeHistory(self.store, "activity")
        self.outbox = FakeOutbox(self.store, "outbox")
        self.drafts = _Table(self.store, "drafts")
        self.cards = FakeCards(self.store, "cards")
        self.calendars = FakeCalendars(self.store, "calendars")
        self.chat = FakeChat(self.store)
        self.teams = FakeTeams(self.store, "groups")
        self.channel_reminders = _Table(self.store, "channel_reminders")
        self.notices = FakeNotices(self.store, "held_notices")
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.store = self.shared

    def commit(self) -> None:
        self.shared.tables, self.shared.identities = self.store.tables, self.store.identities
        self.shared.members = self.store.members
        self.shared.next_id = self.store.next_id
        self.store = copy.deepcopy(self.shared)
        self.committed = True

    def rollback(self) -> None:
        self.store = copy.deepcopy(self.shared)

