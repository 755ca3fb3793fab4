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
    assert current(database_url) == head() == "0017_language"


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
    assert current(database_url) == head() == "0017_language"


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


def test_slack_tables_made_by_create_all_before_the_migration_are_kept(engine: Engine, database_url: str) -> None:
    from sqlalchemy import MetaData, insert, select

    from storage.rows import slack_bots, slack_installations, slack_oauth_states

    downgrade(engine, "0004")
    old = MetaData()  # as bot/slack/oauth.py made them with create_all: no naming convention
    tables = [table.to_metadata(old) for table in (slack_installations, slack_bots, slack_oauth_states)]
    old.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(tables[2]), {"state": "kept", "expire_at": 1.0})
    upgrade(engine)
    assert current(database_url) == head()
    with engine.connect() as connection:
        assert connection.execute(select(slack_oauth_states.c.state)).scalars().all() == ["kept"]
