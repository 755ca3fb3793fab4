"""A report with no single reader (a channel's project digest) counts only what every workspace member may see."""
from __future__ import annotations

from datetime import timedelta

from core.projects import Project
from core.tasks import Visibility
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
