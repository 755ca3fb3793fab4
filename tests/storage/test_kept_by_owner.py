"""The digest's "You kept N of M commitments" counts, per person, across workspaces and query chunks."""
from __future__ import annotations

from datetime import timedelta

import pytest

from core.due import Due
from core.tasks import Agreement, Status
from storage.repositories import report_records
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


@pytest.mark.parametrize("chunk", [900, 3])
def test_kept_commitments_are_counted_per_owner_in_their_own_workspace(
        uow_factory: SqlUnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(report_records, "CHUNK", chunk)
    monkeypatch.setattr(report_records, "OWNERS_PER_QUERY_POSTGRES", chunk)
    with uow_factory() as uow:
        people = []
        for name in ("T1", "T2"):
            workspace = add_workspace(uow, name)
            people += [add_person(uow, workspace, f"{name}a"), add_person(uow, workspace, f"{name}b")]
        for index, person in enumerate(people):
            for late in range(index + 1):  # person i: i + 1 commitments came due, the first one kept
                done_at = NOW - timedelta(days=5) + timedelta(days=late)
                add_task(uow, person, agreement=Agreement.COMMITTED, status=Status.DONE, completed_at=done_at,
                         due=Due.instant(NOW - timedelta(days=5), "UTC"))
        add_task(uow, people[0], agreement=Agreement.COMMITTED, due=Due.instant(NOW - timedelta(days=40), "UTC"))
        uow.commit()
    with uow_factory() as uow:
        counts = uow.reports.kept_by_owner(people, NOW - timedelta(days=30), NOW)
    assert counts == {person.id: (1, index + 1) for index, person in enumerate(people)}
