"""A named lease has one holder at a time until it expires; only the holder renews or releases it."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import NOW

TTL = timedelta(minutes=1)


def test_a_free_lease_is_taken_and_refused_to_others_until_it_expires(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.leases.holder("scheduler", NOW) is None
        assert uow.leases.acquire("scheduler", "a", NOW, TTL) is True
        uow.commit()
    with uow_factory() as uow:
        assert uow.leases.holder("scheduler", NOW) == "a"
        assert uow.leases.acquire("scheduler", "b", NOW + TTL - timedelta(seconds=1), TTL) is False
        assert uow.leases.holder("scheduler", NOW + TTL) is None
        assert uow.leases.acquire("scheduler", "b", NOW + TTL, TTL) is True
        assert uow.leases.holder("scheduler", NOW + TTL) == "b"
        uow.commit()
    with uow_factory() as uow:
        assert uow.leases.acquire("scheduler", "a", NOW + TTL, TTL) is False


def test_the_holder_renews_its_lease(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.leases.acquire("scheduler", "a", NOW, TTL)
        assert uow.leases.acquire("scheduler", "a", NOW + timedelta(seconds=50), TTL)
        later = NOW + TTL + timedelta(seconds=10)
        assert uow.leases.holder("scheduler", later) == "a"
        assert uow.leases.acquire("scheduler", "b", later, TTL) is False


def test_only_the_holder_releases_a_lease(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.leases.acquire("scheduler", "a", NOW, TTL)
        uow.leases.release("scheduler", "b")
        assert uow.leases.holder("scheduler", NOW) == "a"
        uow.leases.release("scheduler", "a")
        assert uow.leases.holder("scheduler", NOW) is None
        assert uow.leases.acquire("scheduler", "b", NOW, TTL)
        uow.leases.release("nothing", "b")


def test_leases_are_independent_by_name(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        assert uow.leases.acquire("scheduler", "a", NOW, TTL)
        assert uow.leases.acquire("deliverer", "b", NOW, TTL)
        assert (uow.leases.holder("scheduler", NOW), uow.leases.holder("deliverer", NOW)) == ("a", "b")


@pytest.mark.postgres
def test_two_transactions_racing_for_a_new_lease_on_postgres_cannot_both_win(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers with BEGIN IMMEDIATE")
    results: dict[str, bool] = {}
    with uow_factory() as first:
        results["a"] = first.leases.acquire("scheduler", "a", NOW, TTL)

        def second() -> None:  # blocks on a's uncommitted insert, then sees a's lease
            with uow_factory() as uow:
                results["b"] = uow.leases.acquire("scheduler", "b", NOW, TTL)
                uow.commit()

        racer = threading.Thread(target=second)
        racer.start()
        racer.join(timeout=0.5)
        assert racer.is_alive()
        first.commit()
    racer.join(timeout=10)
    assert results == {"a": True, "b": False}
    with uow_factory() as uow:
        assert uow.leases.holder("scheduler", NOW) == "a"
