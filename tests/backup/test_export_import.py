"""Export then import round-trips a seeded workspace across backends, and importing again changes nothing."""
from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from bot.backup.load import ImportRefused, load
from bot.slack import oauth
from storage.database import make_engine
from storage.migrate import upgrade
from storage.scratch import scratch_schema
from tests.backup.seeding import as_file, exported, seed


@pytest.fixture
def other_engine(database_url: str, tmp_path: Path) -> Iterator[Engine]:
    """An empty database on the other backend (SQLite again when PostgreSQL is not configured)."""
    server = os.environ.get("TANDEM_TEST_POSTGRES_URL")
    if database_url.startswith("sqlite") and server:
        with scratch_schema(server, "import") as url:
            engine = make_engine(url)
            yield engine
            engine.dispose()
        return
    engine = make_engine(f"sqlite:///{tmp_path / 'imported.sqlite'}")
    yield engine
    engine.dispose()


def test_export_holds_every_kind_of_data(engine: Engine) -> None:
    seed(engine)
    tables = Counter(str(record["table"]) for record in exported(engine))
    for table in ("workspaces", "people", "identities", "tasks", "activity", "comments", "task_watchers",
                  "projects", "goals", "drafts", "outbox"):
        assert tables[table] > 0, f"nothing exported from {table}"
    assert "seen_events" not in tables and "leases" not in tables
    recurring = [r["row"] for r in exported(engine) if r["table"] == "tasks" and r["row"]["recurrence"]]  # type: ignore[index]
    assert recurring


def test_round_trip_into_the_other_backend_loses_nothing(engine: Engine, other_engine: Engine) -> None:
    seed(engine)
    first = exported(engine)
    outcome = load(other_engine, as_file(engine))
    assert outcome.read == len(first) and outcome.changed == len(first)
    assert exported(other_engine) == first


def test_importing_twice_changes_nothing(engine: Engine, other_engine: Engine) -> None:
    seed(engine)
    load(other_engine, as_file(engine))
    again = load(other_engine, as_file(engine))
    assert again.changed == 0
    assert exported(other_engine) == exported(engine)


def test_imported_database_keeps_working(engine: Engine, other_engine: Engine) -> None:
    seed(engine)
    load(other_engine, as_file(engine))
    chat = seed(other_engine, workspace="acme")  # new tasks, people and notices next to the imported ones
    assert "T-5" in chat.reply("@alice: /task list all")
    assert "Started on the numbers" in chat.reply("@alice: /task show T-1")


def test_one_workspace_exports_only_its_rows(engine: Engine, other_engine: Engine) -> None:
    seed(engine, "acme")
    seed(engine, "globex")
    only = exported(engine, workspace="globex")
    workspaces = [r["row"] for r in only if r["table"] == "workspaces"]
    assert [w["external_id"] for w in workspaces] == ["globex"]  # type: ignore[index]
    whole = exported(engine)
    assert 0 < len(only) < len(whole)
    load(other_engine, as_file(engine, workspace="globex"))
    assert exported(other_engine) == only


def test_slack_tokens_leave_only_with_secrets(engine: Engine, other_engine: Engine) -> None:
    seed(engine)
    with engine.begin() as connection:
        connection.execute(insert(oauth.bots).values(client_id="c1", team_id="T1", is_enterprise_install=False,
                                                     data='{"bot_token": "xoxb-secret"}'))
    assert "xoxb-secret" not in as_file(engine).getvalue()
    assert "xoxb-secret" in as_file(engine, with_secrets=True).getvalue()
    load(other_engine, as_file(engine, with_secrets=True))
    assert exported(other_engine, with_secrets=True) == exported(engine, with_secrets=True)


@pytest.mark.parametrize(("text", "says"), [
    ("", "does not start like a Tandem export"),
    ('{"tandem_export": 1, "schema": "0000"}\n', "made at schema 0000"),
    ('{"tandem_export": 1, "schema": "HEAD"}\n{"table": "nope", "row": {}}\n', "Line 2 is not a row"),
    ('{"tandem_export": 1, "schema": "HEAD"}\nnot json\n', "Line 2 is not valid JSON"),
])
def test_a_file_that_is_not_an_export_is_refused_clearly(tmp_path: Path, text: str, says: str) -> None:
    from io import StringIO

    from storage.migrate import head
    engine = make_engine(f"sqlite:///{tmp_path / 'target.sqlite'}")
    upgrade(engine)
    with pytest.raises(ImportRefused, match=says):
        load(engine, StringIO(text.replace("HEAD", str(head()))))
    engine.dispose()


def test_an_import_that_clashes_with_other_data_is_refused_and_changes_nothing(engine: Engine,
                                                                              other_engine: Engine) -> None:
    seed(engine)
    upgrade(other_engine)
    seed(other_engine, workspace="globex")  # ids 1… are taken by another workspace's rows
    before = exported(other_engine)
    with pytest.raises(ImportRefused, match=r"already holds other workspaces \(console globex\)"):
        load(other_engine, as_file(engine))
    assert exported(other_engine) == before


def test_a_row_that_breaks_a_constraint_is_refused_and_nothing_is_imported(engine: Engine,
                                                                           other_engine: Engine) -> None:
    seed(engine)
    lines = as_file(engine).getvalue().splitlines()
    people = [i for i, line in enumerate(lines) if line.startswith('{"row"') and '"table": "people"' in line]
    lines.insert(people[-1] + 1, lines[people[0]].replace('"id": 1,', '"id": 999,').replace(
        '"workspace_id": 1', '"workspace_id": 77'))  # a person of a workspace that does not exist
    with pytest.raises(ImportRefused, match="people rows clash"):
        load(other_engine, io.StringIO("\n".join(lines) + "\n"))
    upgrade(other_engine)
    assert exported(other_engine) == []


def test_a_reply_cards_edit_handle_is_not_exported(engine: Engine) -> None:
    """A Slack response_url or Discord interaction token lets its holder edit a reply: it stays behind."""
    from datetime import UTC, datetime

    from storage.rows.cards import TaskCardRow

    seed(engine)
    with engine.begin() as connection:
        task_id = connection.execute(insert(TaskCardRow).values(
            task_id=1, platform="slack", channel="C1", message="reply", posted_at=datetime(2026, 3, 2, tzinfo=UTC),
            handle="https://hooks.slack.com/actions/T1/1/secret", expires_at=datetime(2026, 3, 2, 0, 30, tzinfo=UTC),
            uses_left=4)).inserted_primary_key
    cards = [r["row"] for r in exported(engine) if r["table"] == "task_cards"]
    mine = [card for card in cards if card["id"] == task_id[0]]  # type: ignore[index]
    assert len(mine) == 1 and mine[0]["handle"] is None and mine[0]["channel"] == "C1"  # type: ignore[index]
