"""Groups, their members and team requests in SQL; a claim is one conditional UPDATE."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core.teams import Group, Intake, TeamRequest
from storage.repositories.claims import claim
from storage.repositories.insert_once import insert_once
from storage.rows import GroupMemberRow, GroupRow, TeamRequestRow


class SqlTeamRepository:
    """Stores Group and TeamRequest dataclasses; members are platform user ids, like a conversation's."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def group_by_handle(self, workspace_id: int, handle: str) -> Group | None:
        row = self._session.scalars(select(GroupRow).where(
            GroupRow.workspace_id == workspace_id, GroupRow.handle == handle.lower())
            .order_by(GroupRow.id.desc()).limit(1)).first()
        return _to_group(row) if row else None

    def group(self, group_id: int) -> Group | None:
        row = self._session.get(GroupRow, group_id)
        return _to_group(row) if row else None

    def group_by_external(self, workspace_id: int, external_id: str) -> Group | None:
        row = self._group_row(workspace_id, external_id)
        return _to_group(row) if row else None

    def save_group(self, group: Group) -> Group:
        row = self._group_row(group.workspace_id, group.external_id)
        if row is None:
            row = GroupRow(workspace_id=group.workspace_id, external_id=group.external_id)
            self._session.add(row)
        row.handle, row.intake = group.handle.lower(), group.intake.value
        self._session.flush()
        group.id = row.id
        return group

    def _group_row(self, workspace_id: int, external_id: str) -> GroupRow | None:
        return self._session.scalars(select(GroupRow).where(
            GroupRow.workspace_id == workspace_id, GroupRow.external_id == external_id)).one_or_none()

    def members(self, group_id: int) -> set[str]:
        return set(self._session.scalars(select(GroupMemberRow.user).where(GroupMemberRow.group_id == group_id)))

    def set_members(self, group_id: int, users: Iterable[str]) -> None:
        wanted, current = set(users), self.members(group_id)
        if gone := current - wanted:
            self._session.execute(delete(GroupMemberRow).where(
                GroupMemberRow.group_id == group_id, GroupMemberRow.user.in_(gone)))
        for user in sorted(wanted - current):
            self.add_member(group_id, user)

    def intake_members(self, group_id: int) -> set[str]:
        return set(self._session.scalars(select(GroupMemberRow.user).where(
            GroupMemberRow.group_id == group_id, GroupMemberRow.intake)))

    def add_member(self, group_id: int, user: str, intake: bool = True) -> None:
        values = {"group_id": group_id, "user": user, "intake": intake}
        self._session.execute(insert_once(self._session, GroupMemberRow, values, ["group_id", "user"]))
        if intake:
            self._session.execute(update(GroupMemberRow).where(
                GroupMemberRow.group_id == group_id, GroupMemberRow.user == user).values(intake=True))

    def remove_member(self, group_id: int, user: str) -> None:
        self._session.execute(delete(GroupMemberRow).where(
            GroupMemberRow.group_id == group_id, GroupMemberRow.user == user))

    def add_request(self, request: TeamRequest) -> TeamRequest:
        row = TeamRequestRow(workspace_id=request.workspace_id, task_id=request.task_id, group_id=request.group_id,
                             requester_id=request.requester_id, conversation=request.conversation,
                             created_at=request.created_at, nudges=0)
        _copy(request, row)
        self._session.add(row)
        self._session.flush()
        request.id = row.id
        return request

    def request_for_task(self, task_id: int) -> TeamRequest | None:
        row = self._session.scalars(select(TeamRequestRow).where(TeamRequestRow.task_id == task_id)
                                    .execution_options(populate_existing=True)).one_or_none()
        return _to_request(row) if row else None

    def save_request(self, request: TeamRequest) -> None:
        row = self._session.get(TeamRequestRow, request.id)
        if row is not None:
            _copy(request, row)
            self._session.flush()

    def claim(self, request_id: int, person_id: int, now: datetime) -> bool:
        result = self._session.execute(
            update(TeamRequestRow)
            .where(TeamRequestRow.id == request_id, TeamRequestRow.claimed_by.is_(None))
            .values(claimed_by=person_id, claimed_at=now, follow_up_at=None)
            .execution_options(synchronize_session=False))
        return bool(getattr(result, "rowcount", 0) == 1)

    def last_taker(self, group_id: int) -> int | None:
        return self._session.scalars(select(TeamRequestRow.claimed_by).where(
            TeamRequestRow.group_id == group_id, TeamRequestRow.claimed_by.is_not(None))
            .order_by(TeamRequestRow.claimed_at.desc(), TeamRequestRow.id.desc()).limit(1)).first()

    def claim_due_follow_ups(self, now: datetime, limit: int) -> list[TeamRequest]:
        statement = (select(TeamRequestRow).where(TeamRequestRow.follow_up_at <= now,
                                                  TeamRequestRow.claimed_by.is_(None))
                     .order_by(TeamRequestRow.follow_up_at, TeamRequestRow.id))
        return [_to_request(row) for row in claim(self._session, statement, limit)]


def _copy(request: TeamRequest, row: TeamRequestRow) -> None:
    row.claimed_by, row.claimed_at = request.claimed_by, request.claimed_at
    row.follow_up_at, row.nudges = request.follow_up_at, request.nudges


def _to_group(row: GroupRow) -> Group:
    return Group(row.workspace_id, row.external_id, row.handle, Intake(row.intake), row.id)


def _to_request(row: TeamRequestRow) -> TeamRequest:
    return TeamRequest(row.workspace_id, row.task_id, row.group_id, row.requester_id, row.conversation,
                       row.created_at, row.claimed_by, row.claimed_at, row.follow_up_at, row.nudges, row.id)
