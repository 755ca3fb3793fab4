"""Digest material is the same however many people each query covers (PostgreSQL uses small chunks)."""
from __future__ import annotations

import pytest

from storage.repositories import task_digest
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW, add_person, add_task, add_workspace


def _material(uow_factory: SqlUnitOfWorkFactory, ids: list[int]) -> dict[int, tuple[list[int], list[int]]]:
    with uow_factory() as uow:
        people = list(uow.people.many(ids).values())
        found = task_digest.digest_material(uow._session, people, NOW)
    return {pid: (sorted(t.number for t in m.owned), sorted(t.number for t in m.requested))
            for pid, m in found.items()}


def test_digest_material_split_into_small_queries_matches_one_query(
        uow_factory: SqlUnitOfWorkFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        people = [add_person(uow, workspace, f"P{i}") for i in range(7)]
        for i, requester in enumerate(people):
            add_task(uow, requester, people[(i + 1) % 7], title=f"ask {i}")
            add_task(uow, requester, title=f"own {i}")
        uow.commit()
    ids = [p.id or 0 for p in people]
    whole = _material(uow_factory, ids)
    monkeypatch.setattr(task_digest, "CHUNK", 4)
    monkeypatch.setattr(task_digest, "POSTGRES_CHUNK", 4)
    assert _material(uow_factory, ids) == whole
    assert all(len(owned) == 2 and len(requested) == 1 for owned, requested in whole.values())
