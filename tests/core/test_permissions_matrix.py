"""The permission policy as a matrix: every role and relation against every act."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.people import Person, Role
from core.permissions import Act, can
from core.tasks import Task, Visibility

NOW = datetime(2026, 3, 26, 12, tzinfo=UTC)
REQUESTER, OWNER, WATCHER, STRANGER = 1, 2, 3, 4


def _task(visibility: Visibility = Visibility.WORKSPACE, workspace_id: int = 1) -> Task:
    return Task(workspace_id, 1, "t", REQUESTER, OWNER, NOW, NOW, watchers={WATCHER}, visibility=visibility)


def _person(person_id: int, role: Role = Role.MEMBER, external: bool = False, workspace_id: int = 1) -> Person:
    return Person(workspace_id, "x", f"p{person_id}", role=role, external=external, id=person_id)


READ = {Act.SEE, Act.COMMENT, Act.WATCH}
# (who, role, external, visibility) -> the acts allowed
MATRIX = [
    (REQUESTER, Role.MEMBER, False, Visibility.WORKSPACE, READ | {Act.EDIT, Act.SETTLE}),
    (OWNER, Role.MEMBER, False, Visibility.WORKSPACE, READ | {Act.EDIT, Act.ANSWER}),
    (WATCHER, Role.MEMBER, False, Visibility.WORKSPACE, READ),
    (STRANGER, Role.MEMBER, False, Visibility.WORKSPACE, READ),
    (STRANGER, Role.MEMBER, False, Visibility.PRIVATE, set()),
    (STRANGER, Role.ADMIN, False, Visibility.WORKSPACE, READ | {Act.EDIT}),
    (STRANGER, Role.ADMIN, False, Visibility.PRIVATE, set()),
    (STRANGER, Role.GUEST, False, Visibility.WORKSPACE, set()),
    (STRANGER, Role.MEMBER, True, Visibility.WORKSPACE, set()),
    (OWNER, Role.GUEST, False, Visibility.WORKSPACE, READ | {Act.EDIT, Act.ANSWER}),
    (WATCHER, Role.GUEST, False, Visibility.PRIVATE, READ),
    (REQUESTER, Role.MEMBER, True, Visibility.PRIVATE, READ | {Act.EDIT, Act.SETTLE}),
]


@pytest.mark.parametrize(("who", "role", "external", "visibility", "allowed"), MATRIX)
def test_each_person_may_do_exactly_what_the_policy_allows(
    who: int, role: Role, external: bool, visibility: Visibility, allowed: set[Act]
) -> None:
    person, task = _person(who, role, external), _task(visibility)
    granted = {act for act in Act if can(person, act, task)}
    assert granted == allowed


@pytest.mark.parametrize("act", list(Act))
def test_nobody_acts_across_workspaces_not_even_an_admin(act: Act) -> None:
    outsider = _person(OWNER, Role.ADMIN, workspace_id=2)
    assert not can(outsider, act, _task())
