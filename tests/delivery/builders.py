"""Builders for delivery tests: a Slack workspace with people, outbox entries, and a way to read their state."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from core.outbox import OutboxEntry
from core.outcome import Action, Card, Notice
from core.people import Person, Workspace
from storage.rows import OutboxRow
from storage.uow import SqlUnitOfWorkFactory

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TOKEN = "xoxb-fake-1"
TEAM = "T1"


@dataclass
class Seeded:
    workspace: Workspace
    people: dict[str, Person]  # slack user id -> person

    @property
    def workspace_id(self) -> int:
        assert self.workspace.id is not None
        return self.workspace.id


def seed_workspace(uow_factory: SqlUnitOfWorkFactory, user_ids: list[str], team: str = TEAM) -> Seeded:
    with uow_factory() as uow:
        workspace = uow.workspaces.add(Workspace(platform="slack", external_id=team, name=f"Team {team}"))
        assert workspace.id is not None
        people: dict[str, Person] = {}
        for user_id in user_ids:
            person = uow.people.add(Person(workspace_id=workspace.id, display_name=user_id, handle=user_id.lower()))
            uow.people.link_identity(person, "slack", user_id)
            people[user_id] = person
        uow.commit()
    return Seeded(workspace, people)


def accept_notice(person: Person, key: str, text: str = "Ana asks you to send the Q3 report") -> Notice:
    assert person.id is not None
    return Notice(
        recipient_id=person.id,
        kind="request",
        text=text,
        card=Card("Send the Q3 report", (("Due", "Fri 6 Mar"), ("From", "Ana")), "T-3"),
        actions=(Action("accept", "Accept", "/task accept T-3", "primary"),
                 Action("decline", "Decline", "/task decline T-3", "danger")),
        dedupe_key=key,
    )


def enqueue(uow_factory: SqlUnitOfWorkFactory, workspace_id: int, notices: list[Notice], **fields: Any) -> list[int]:
    ids: list[int] = []
    with uow_factory() as uow:
        for notice in notices:
            entry = OutboxEntry(
                workspace_id=workspace_id, kind=notice.kind, payload=notice.payload(),
                dedupe_key=notice.dedupe_key or f"n:{notice.recipient_id}:{len(ids)}", created_at=NOW,
                not_before=fields.get("not_before", NOW), recipient_id=notice.recipient_id,
                conversation=notice.conversation,
            )
            assert uow.outbox.add(entry)
            assert entry.id is not None
            ids.append(entry.id)
        uow.commit()
    return ids


@dataclass(frozen=True)
class RowState:
    state: str
    attempts: int
    not_before: datetime
    last_error: str | None
    claimed_by: str | None


def outbox_states(engine: Engine) -> dict[str, RowState]:
    """dedupe key -> what the outbox row says now."""
    with Session(engine) as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
        return {r.dedupe_key: RowState(r.state, r.attempts, r.not_before, r.last_error, r.claimed_by) for r in rows}
