"""A report with no single reader (a channel's project digest) counts only what every workspace member may see."""
from __future__ import annotations

from datetime import timedelta

import pytest

from core.due import Due
from core.people import Role
from core.projects import Project
from core.tasks import Agreement, Status, Visibility
from storage.repositories import report_records
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def test_a_channel_report_leaves_out_private_conversation_and_private_project_work(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        alice = add_person(uow, workspace, "Alice")
        launch = uow.projects.add(Project(workspace.id or 0, "launch", NOW, owner_id=alice.id))
        secret = uow.projects.add(Project(workspace.id or 0, "secret", NOW, owner_id=alice.id, private=True))
        add_task(uow, alice, title="public work", project_id=launch.id)
        add_task(uow, alice, title="asked in a private channel", project_id=launch.id,
                 visibility=Visibility.CONVERSATION)
        add_task(uow, alice, title="participants only", project_id=launch.id, visibility=Visibility.PRIVATE)
        add_task(uow, alice, title="in a private project", project_id=secret.id)
        uow.commit()
    with uow_factory() as uow:
        since = NOW - timedelta(days=28)
        figures = uow.reports.project_figures(workspace.id or 0, None, NOW, since, {})
        history = uow.reports.work_history(workspace.id or 0, None, launch.id or 0)
        mine = uow.reports.project_figures(workspace.id or 0, alice, NOW, since, {})
    assert figures[launch.id or 0].total == 1 and (secret.id or 0) not in figures
    assert len(history) == 1
    assert mine[launch.id or 0].total == 3 and mine[secret.id or 0].total == 1  # the participant sees her own


def test_a_readers_roll_up_counts_public_work_for_members_but_only_own_work_for_guests(
        uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        alice = add_person(uow, workspace, "Alice")
        bob = add_person(uow, workspace, "Bob")
        guest = add_person(uow, workspace, "Gus", role=Role.GUEST)
        launch = uow.projects.add(Project(workspace.id or 0, "launch", NOW, owner_id=alice.id))
        secret = uow.projects.add(Project(workspace.id or 0, "secret", NOW, owner_id=alice.id, private=True))
        add_task(uow, alice, title="public work", project_id=launch.id)
        add_task(uow, alice, guest, title="asked of the guest", project_id=launch.id)
        add_task(uow, alice, title="participants only", project_id=launch.id, visibility=Visibility.PRIVATE)
        add_task(uow, alice, title="in a private project", project_id=secret.id)
        add_task(uow, alice, title="late, participants only", visibility=Visibility.PRIVATE,
                 agreement=Agreement.COMMITTED, due=Due.instant(NOW - timedelta(days=4), "UTC"))
        uow.commit()
    with uow_factory() as uow:
        since, ws = NOW - timedelta(days=28), workspace.id or 0
        for_bob = uow.reports.project_figures(ws, bob, NOW, since, {})
        for_guest = uow.reports.project_figures(ws, guest, NOW, since, {})
        for_alice = uow.reports.project_figures(ws, alice, NOW, since, {})
        slips_bob = uow.reports.slips(ws, bob, NOW - timedelta(days=90), NOW, [alice.id or 0])
        slips_alice = uow.reports.slips(ws, alice, NOW - timedelta(days=90), NOW, [alice.id or 0])
    assert for_bob[launch.id or 0].total == 2 and (secret.id or 0) not in for_bob
    assert for_guest[launch.id or 0].total == 1 and (secret.id or 0) not in for_guest
    assert for_alice[launch.id or 0].total == 3 and for_alice[secret.id or 0].total == 1
    assert slips_bob == {} and slips_alice == {alice.id: timedelta(days=4)}


def test_slips_are_the_same_whether_owners_are_looked_up_or_the_window_is_read_in_one_pass(
        uow_factory: SqlUnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        alice, bob = add_person(uow, workspace, "Alice"), add_person(uow, workspace, "Bob")
        for owner, days_late in ((alice, 4), (alice, 0), (bob, 2)):
            add_task(uow, alice, owner, agreement=Agreement.COMMITTED,
                     due=Due.instant(NOW - timedelta(days=days_late), "UTC"))
        add_task(uow, alice, bob, agreement=Agreement.COMMITTED, status=Status.DONE,
                 due=Due.instant(NOW - timedelta(days=10), "UTC"), completed_at=NOW - timedelta(days=9))
        uow.commit()
    owners = [alice.id or 0, bob.id or 0]
    with uow_factory() as uow:
        looked_up = uow.reports.slips(workspace.id or 0, alice, NOW - timedelta(days=90), NOW, owners)
        monkeypatch.setattr(report_records, "OWNERS_LOOKED_UP", 0)
        one_pass = uow.reports.slips(workspace.id or 0, alice, NOW - timedelta(days=90), NOW, owners[:1])
    assert looked_up == {alice.id: timedelta(days=2), bob.id: timedelta(days=1.5)}
    assert one_pass == {alice.id: timedelta(days=2)}  # only the owners asked for
