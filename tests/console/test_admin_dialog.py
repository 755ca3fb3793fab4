"""Dialogs of workspace administration: admins, defaults, people who leave, personal data, the audit log."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select

from storage.rows import Base
from tests.harness import ChatHarness


def _admin(chat: ChatHarness, name: str = "alice") -> None:
    """`name` becomes an admin the way platforms say so: their platform role (a console `:as name admin`)."""
    chat.say(f":as {name} admin")


def test_people_who_are_not_admins_are_told_who_the_admins_are(chat: ChatHarness) -> None:
    nobody = chat.reply("@bob: /task admin audit")
    assert "Only workspace admins" in nobody and "know of none" in nobody
    _admin(chat)
    refused = chat.reply("@bob: /task admin settings tz Asia/Tokyo")
    assert "Only workspace admins can use /task admin" in refused and "@alice" in refused
    assert "Asia/Tokyo" not in chat.reply("@alice: /task admin settings")


def test_a_platform_admin_promotes_someone_whose_grant_survives_a_role_refresh(chat: ChatHarness) -> None:
    _admin(chat)
    assert "@bob is now a Tandem admin" in chat.reply("@alice: /task admin promote @bob")
    assert any("made you a Tandem admin" in m.text for m in chat.dms("@bob"))
    chat.say(":as bob member")  # the platform says again that bob is a plain member
    assert "Workspace defaults" in chat.reply("@bob: /task admin settings")
    assert "already an admin" in chat.reply("@bob: /task admin promote @alice")
    assert "admin or owner on the platform itself" in chat.reply("@bob: /task admin demote @alice")
    assert "no longer a Tandem admin" in chat.reply("@alice: /task admin demote @bob")
    assert "Only workspace admins" in chat.reply("@bob: /task admin settings")
    assert "isn't an admin" in chat.reply("@alice: /task admin demote @carol")


def test_admins_change_the_defaults_newcomers_start_with(chat: ChatHarness) -> None:
    _admin(chat)
    for setting in ("tz America/New_York", "days tue-fri", "hours 08:00-16:00", "digest 07:45", "holidays US-NY",
                    "lang de"):
        assert chat.reply(f"@alice: /task admin settings {setting}").startswith("tandem: Saved.")
    shown = chat.reply("@alice: /task admin settings")
    for value in ("America/New_York", "tue-fri", "08:00-16:00", "digest 07:45", "language de", "US-NY"):
        assert value in shown
    newcomer = chat.reply("@dave: /task settings")  # in German: the workspace's default language is theirs
    for value in ("America/New_York", "tue-fri", "08:00-16:00", "Übersicht 07:45", "Sprache de", "US-NY"):
        assert value in newcomer
    assert "Europe/Berlin" in chat.reply("@bob: /task settings")  # who was here keeps their own
    assert "Working hours look like 09:00-17:30" in chat.reply("@alice: /task admin settings hours soon")
    assert "Workspace settings are" in chat.reply("@alice: /task admin settings colour blue")


def test_deactivating_someone_returns_their_work_to_the_requesters_who_are_told(chat: ChatHarness) -> None:
    _admin(chat)
    chat.say("@carol: /task add @bob send the board deck by friday")
    chat.say("@bob: /task accept T-1")
    chat.say("@bob: /task add renew my own badge by friday")
    chat.say("@carol: /task add check the slides by friday")
    chat.say("@bob: /task watch T-3")
    answer = chat.reply("@alice: /task admin deactivate @bob")
    assert "Deactivated @bob: 1 open task(s) went back" in answer and "1 of their own to-dos" in answer
    told = [m.text for m in chat.dms("@carol")]
    assert any("T-1 send the board deck came back to you" in text for text in told)
    assert "T-1" in chat.reply("@carol: /task list mine")
    before = len(chat.dms("@bob"))
    chat.say("@carol: /task comment T-3 slides are in the folder")
    chat.say(":advance 5d")  # bob's own to-do falls due and mornings pass: no reminder, no digest for him
    assert len(chat.dms("@bob")) == before  # no notices for a deactivated person
    assert "was deactivated by an admin" in chat.reply("@carol: /task assign T-1 @bob")
    assert "deactivated you" in chat.reply("@bob: /task list")
    assert "active again" in chat.reply("@alice: /task admin reactivate @bob")
    assert "T-1 now belongs to @bob" in chat.reply("@carol: /task assign T-1 @bob")


def test_deactivating_someone_can_hand_their_work_to_a_chosen_person(chat: ChatHarness) -> None:
    _admin(chat)
    chat.say("@carol: /task add @bob send the board deck by friday")
    chat.say("@bob: /task add @carol book the room by friday")
    chat.say("@dave: hello")
    answer = chat.reply("@alice: /task admin deactivate @bob to @dave")
    assert "1 open task(s) went to @dave" in answer and "1 of their open requests" in answer
    assert any("gave you T-1 send the board deck" in m.text for m in chat.dms("@dave"))
    assert any("T-1 send the board deck is now with @dave" in m.text for m in chat.dms("@carol"))
    assert "T-1" in chat.reply("@dave: /task list inbox")
    assert "yourself" in chat.reply("@alice: /task admin deactivate @alice")
    assert "already deactivated" in chat.reply("@alice: /task admin deactivate @bob")


def test_an_admin_exports_a_persons_data_as_json_lines(chat: ChatHarness, tmp_path: Path) -> None:
    chat.room.sender.charts = tmp_path / "charts"
    _admin(chat)
    chat.say("@carol: /task add @bob send the board deck by friday")
    chat.say("@bob: /task comment T-1 working on it")
    answer = chat.reply("@alice: /task admin export @bob")
    path = Path(answer.split("Saved to ")[1].strip())
    assert path.parent == tmp_path / "tandem-exports" and path.stat().st_mode & 0o077 == 0
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert lines[0]["tandem_personal_export"] == 1
    tables = {line["table"] for line in lines[1:]}
    assert {"people", "identities", "tasks", "comments", "conversation_members"} <= tables
    assert any(line["row"].get("text") == "working on it" for line in lines[1:])
    assert "Only workspace admins" in chat.reply("@carol: /task admin export @bob")


def test_forgetting_someone_erases_their_personal_data_and_keeps_their_tasks(chat: ChatHarness,
                                                                              engine: Engine) -> None:
    _admin(chat)
    chat.say("@carol: /task add @bob send the board deck to Bob's manager by friday")
    chat.say("@bob: /task comment T-1 my phone is 555-0199")
    chat.say("@carol: /task comment T-1 thanks @bob")
    asked = chat.say("@alice: /task admin forget @bob")[0]
    assert "Are you sure?" in asked.text and asked.card is not None
    assert "Nothing was erased" in chat.reply("@alice: /task admin forget @bob --keep")
    assert "@bob" in chat.reply("@carol: /task show T-1")
    done = chat.choose("@alice: /task admin forget @bob", "Erase their data")
    assert "Erased the personal data of @bob" in done[0].text
    assert _rows_mentioning(engine, "bob") == []
    assert _rows_mentioning(engine, "555-0199") == []
    shown = chat.reply("@carol: /task show T-1")
    assert "T-1" in shown and "a former member" in shown
    audit = chat.reply("@alice: /task admin audit")
    assert "@alice erased the personal data of a former member." in audit


def test_the_audit_log_lists_every_admin_action_a_page_at_a_time(chat: ChatHarness) -> None:
    _admin(chat)
    chat.say("@alice: /task admin promote @bob")
    for hour in range(7, 18):
        chat.say(f"@bob: /task admin settings digest {hour:02d}:00")
    first = chat.reply("@alice: /task admin audit")
    assert "page 1 of 2" in first and "Older: /task admin audit 2" in first
    assert first.count("@bob changed the workspace's default digest") == 10
    second = chat.reply("@alice: /task admin audit 2")
    assert "@alice made @bob an admin." in second and "digest to 07:00" in second
    assert "has 2 pages" in chat.reply("@alice: /task admin audit 3")
    assert "Only workspace admins" in chat.reply("@carol: /task admin audit")


def _rows_mentioning(engine: Engine, word: str) -> list[tuple[str, str]]:
    """Every (table, value) in the database whose text holds `word`, case-insensitively."""
    found = []
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)).mappings():
                for value in row.values():
                    if word.lower() in json.dumps(value, default=str, ensure_ascii=False).lower():
                        found.append((table.name, str(value)))
    return found


def test_admin_commands_that_are_said_wrong_say_how_to_say_them(chat: ChatHarness) -> None:
    _admin(chat)
    assert "Admin commands: /task admin settings" in chat.reply("@alice: /task admin")
    assert "Say who: /task admin deactivate @person [to @someone]" in chat.reply("@alice: /task admin deactivate")
    assert "won't ignore 'now please'" in chat.reply("@alice: /task admin promote @bob now please")
    assert "The form is: /task admin audit [page]" in chat.reply("@alice: /task admin audit last")
    assert "I don't know @zed here" in chat.reply("@alice: /task admin export @zed")
    assert "The digest time looks like 08:30" in chat.reply("@alice: /task admin settings digest soon")
    assert "/task admin" in chat.reply("@alice: /task help admin")
