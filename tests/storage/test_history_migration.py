"""History written before dates were logged exactly is migrated: each reader then sees its dates in their own zone."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, text

from core.activity import Activity
from core.wording import history_text
from storage.migrate import downgrade, upgrade
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import add_person, add_task, add_workspace

WRITTEN = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_an_old_history_line_written_in_berlin_reads_in_new_york_time_after_migrating(engine: Engine) -> None:
    factory = SqlUnitOfWorkFactory(engine)
    with factory() as uow:
        workspace = add_workspace(uow)
        alice = add_person(uow, workspace, "Alice", tz="Europe/Berlin")
        task = add_task(uow, alice)
        assert task.id is not None and alice.id is not None
        for verb, detail in (("due", "Fri 6 Mar 17:00"), ("proposed", "Tue 10 Mar need the numbers first"),
                             ("commented", "Fri 6 Mar 17:00 is too late")):
            uow.activity.add(Activity(task.id, alice.id, verb, detail, WRITTEN))
        uow.commit()
    downgrade(engine, "0009_scale")
    upgrade(engine)
    with factory() as uow:
        due, proposed, comment = uow.activity.for_task(task.id)
    assert history_text(due.detail, "America/New_York") == "Fri 6 Mar 11:00"
    assert history_text(due.detail, "Europe/Berlin") == "Fri 6 Mar 17:00"
    assert history_text(proposed.detail, "America/New_York") == "Tue 10 Mar need the numbers first"
    assert comment.detail == "Fri 6 Mar 17:00 is too late"  # what a person typed stays as typed


def test_the_migration_leaves_lines_already_exact(engine: Engine) -> None:
    with engine.begin() as connection:
        assert connection.execute(text("SELECT count(*) FROM activity")).scalar() == 0
    downgrade(engine, "0009_scale")
    upgrade(engine)
