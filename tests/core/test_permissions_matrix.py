"""The permission policy as a matrix: every role and relation against every act."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.people import Person, Role
from core.permissions import Act, Reach, can, sees_project
from core.projects import Project
from core.tasks import Task, Visibility

NOW = datetime(2026, 3, 26, 12, tzinfo=UTC)
REQUESTER, OWNER, WATCHER, STRANGER = 1, 2, 3, 4


def _task(visibility: Visibility = Visibility.WORKSPACE, workspace_id: int = 1) -> Task:
    return Task(workspace_id, 1, "t", REQUESTER, OWNER, NOW, NOW, watchers={WATCHER}, visibility=visibility)


def _person(person_id: int, role: Role = Role.MEMBER, external: bool = False, workspace_id: int = 1) -> Person:
    return Person(workspace_id, "x", f"p{person_id}", role=role, external=external, id=person_id)


READ = {Act.SEE, Act.COMMENT, Act.WATCH}
IN, OUT = Reach(in_conversation=True), Reach(in_conversation=False)
# (who, role, external, visibility, reach) -> the acts allowed
MATRIX = [
    (REQUESTER, Role.MEMBER, False, Visibility.WORKSPACE, OUT, READ | {Act.EDIT, Act.SETTLE, Act.SHARE}),
    (OWNER, Role.MEMBER, False, Visibility.WORKSPACE, OUT, READ | {Act.EDIT, Act.ANSWER}),
    (WATCHER, Role.MEMBER, False, Visibility.WORKSPACE, OUT, READ),
    (STRANGER, Role.MEMBER, False, Visibility.WORKSPACE, OUT, READ),
    (STRANGER, Role.MEMBER, False, Visibility.PRIVATE, IN, set()),
    (STRANGER, Role.ADMIN, False, Visibility.WORKSPACE, OUT, READ | {Act.EDIT, Act.SHARE}),
    (STRANGER, Role.ADMIN, False, Visibility.PRIVATE, IN, set()),
    (STRANGER, Role.GUEST, False, Visibility.WORKSPACE, IN, set()),
    (STRANGER, Role.MEMBER, True, Visibility.WORKSPACE, IN, set()),
    (OWNER, Role.GUEST, False, Visibility.WORKSPACE, OUT, READ | {Act.EDIT, Act.ANSWER}),
    (WATCHER, Role.GUEST, False, Visibility.PRIVATE, OUT, READ),
    (REQUESTER, Role.MEMBER, True, Visibility.PRIVATE, OUT, READ | {Act.EDIT, Act.SETTLE, Act.SHARE}),
    # asked in a private channel, a private thread, a group DM or a DM: its members see it, nobody else
    (STRANGER, Role.MEMBER, False, Visibility.CONVERSATION, IN, READ),
    (STRANGER, Role.MEMBER, False, Visibility.CONVERSATION, OUT, set()),
    (STRANGER, Role.ADMIN, False, Visibility.CONVERSATION, IN, READ | {Act.EDIT, Act.SHARE}),
    (STRANGER, Role.ADMIN, False, Visibility.CONVERSATION, OUT, set()),
    (STRANGER, Role.GUEST, False, Visibility.CONVERSATION, IN, set()),
    (STRANGER, Role.MEMBER, True, Visibility.CONVERSATION, IN, set()),
    (WATCHER, Role.MEMBER, False, Visibility.CONVERSATION, OUT, READ),
    (OWNER, Role.GUEST, False, Visibility.CONVERSATION, OUT, READ | {Act.EDIT, Act.ANSWER}),
    # a project that hides its tasks from the reader hides them whatever the conversation says
    (STRANGER, Role.MEMBER, False, Visibility.WORKSPACE, Reach(True, sees_project=False), set()),
    (OWNER, Role.MEMBER, False, Visibility.WORKSPACE, Reach(False, sees_project=False), READ | {Act.EDIT, Act.ANSWER}),
]


@pytest.mark.parametrize(("who", "role", "external", "visibility", "reach", "allowed"), MATRIX)
def test_each_person_may_do_exactly_what_the_policy_allows(
    who: int, role: Role, external: bool, visibility: Visibility, reach: Reach, allowed: set[Act]
) -> None:
    person, task = _person(who, role, external), _task(visibility)
    granted = {act for act in Act if can(person, act, task, reach)}
    assert granted == allowed


@pytest.mark.parametrize(("role", "external", "member", "private", "sees"), [
    (Role.MEMBER, False, False, False, True),
    (Role.MEMBER, False, False, True, False),
    (Role.ADMIN, False, False, True, False),
    (Role.GUEST, False, False, False, False),
    (Role.MEMBER, True, False, False, False),
    (Role.GUEST, False, True, True, True),
    (Role.MEMBER, False, True, True, True),
])
def test_projects_are_seen_by_their_members_and_public_ones_by_members_of_the_workspace(
    role: Role, external: bool, member: bool, private: bool, sees: bool
) -> None:
    project = Project(1, "ops", NOW, members={STRANGER} if member else set(), private=private)
    assert sees_project(_person(STRANGER, role, external), project) is sees


@pytest.mark.parametrize("act", list(Act))
def test_nobody_acts_across_workspaces_not_even_an_admin(act: Act) -> None:
    outsider = _person(OWNER, Role.ADMIN, workspace_id=2)
    assert not can(outsider, act, _task())
