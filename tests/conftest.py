"""Shared fixtures: a freshly migrated database per test, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from core.bus import Bus
from core.clock import FixedClock
from storage.database import make_engine
from storage.migrate import upgrade
from storage.scratch import scratch_schema
from storage.uow import SqlUnitOfWorkFactory
from tests.delivery.builders import NOW

POSTGRES_URL_ENV = "TANDEM_TEST_POSTGRES_URL"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tandem.sqlite'}"
        return
    server = os.environ.get(POSTGRES_URL_ENV)
    if not server:
        pytest.skip(f"set {POSTGRES_URL_ENV} to run against PostgreSQL")
    with scratch_schema(server, "test") as url:
        yield url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL schema (dropped afterwards); skipped without TANDEM_TEST_POSTGRES_URL."""
    server = os.environ.get(POSTGRES_URL_ENV)
    if not server:
        pytest.skip(f"set {POSTGRES_URL_ENV} to run against PostgreSQL")
    with scratch_schema(server, "test") as url:
        yield url


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the newest revision once per run; each test starts from a copy of its bytes."""
    path = tmp_path_factory.mktemp("migrated") / "tandem.sqlite"
    made = make_engine(f"sqlite:///{path}")
    upgrade(made)
    made.dispose()
    return path


def _migrated(url: str, template: Path) -> Engine:
    """An engine on `url` migrated to the newest revision: a SQLite file is copied from the template."""
    if url.startswith("sqlite:///"):
        shutil.copyfile(template, url.removeprefix("sqlite:///"))
        return make_engine(url)
    made = make_engine(url)
    upgrade(made)
    return made


@pytest.fixture
def engine(database_url: str, migrated_sqlite: Path) -> Iterator[Engine]:
    """An engine on a database migrated to the newest revision."""
    made = _migrated(database_url, migrated_sqlite)
    yield made
    made.dispose()


@pytest.fixture
def uow_factory(engine: Engine) -> SqlUnitOfWorkFactory:
    return SqlUnitOfWorkFactory(engine)


@pytest.fixture
def sqlite_uow_factory(tmp_path: Path, migrated_sqlite: Path) -> Iterator[SqlUnitOfWorkFactory]:
    """A unit-of-work factory on a migrated SQLite file, for tests that need only one backend."""
    made = _migrated(f"sqlite:///{tmp_path / 'tandem-sqlite.sqlite'}", migrated_sqlite)
    yield SqlUnitOfWorkFactory(made)
    made.dispose()


@pytest.fixture
def clock() -> FixedClock:
    """The chat platforms' tests start on Monday 2026-03-02 09:00 UTC; tests move it with `set`."""
    return FixedClock(NOW)


@pytest.fixture
def bus(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> Bus:
    return Bus(uow_factory, clock)
