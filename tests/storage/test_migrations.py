"""Migrations build the schema the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from storage.database import make_engine
from storage.migrate import current, downgrade, head, upgrade
from storage.rows import Base


def test_an_empty_database_is_migrated_to_the_newest_revision(database_url: str) -> None:
    assert current(database_url) is None
    upgrade(database_url)
    assert current(database_url) == head() == "0005_process_safety"


def test_the_migrated_schema_matches_the_models_exactly(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_model_table_exists_after_migrating(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_upgrading_twice_changes_nothing(engine: Engine, database_url: str) -> None:
    upgrade(engine)
    assert current(database_url) == head() == "0005_process_safety"


def test_upgrade_accepts_a_url_and_disposes_its_own_engine(database_url: str) -> None:
    upgrade(database_url)
    probe = make_engine(database_url)
    try:
        assert "tasks" in inspect(probe).get_table_names()
    finally:
        probe.dispose()


def test_downgrading_to_base_removes_every_table(engine: Engine, database_url: str) -> None:
    downgrade(engine, "base")
    assert current(database_url) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(engine)
    assert current(database_url) == head()
