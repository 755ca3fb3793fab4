"""Dialogs where people type something wrong: a friendly answer, and nothing written."""
from __future__ import annotations

import pytest

from tests.harness import ChatHarness


def _count_tasks(chat: ChatHarness) -> int:
    return chat.reply("@alice: /task list all").count("T-")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/task ad @bob send the report", "Did you mean /task add?"),
        ("/task shwo T-1", "Did you mean /task show?"),
        ("/tasks list inbox", "Did you mean /task list inbox?"),
        ("/todo list", "I only know /task"),
        ("/task add", "What needs doing?"),
        ("/task add @zed send the report by friday", "I don't know @zed here"),
        ("/task show T-99", "I can't find T-99"),
        ("/task done banana", "'banana' is not a task reference"),
        ("/task add " + "x" * 300, "the limit is 200"),
        ("/task due T-1 the day after never", "couldn't read"),
        ("/task settings tz Mars/Olympus", "not a time zone I know"),
    ],
)
def test_bad_input_gets_a_friendly_answer_and_changes_nothing(chat: ChatHarness, line: str, expected: str) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    before = _count_tasks(chat)
    answer = chat.reply(f"@alice: {line}")
    assert expected in answer
    assert "Traceback" not in answer
    assert _count_tasks(chat) == before


def test_someone_else_cannot_complete_a_task_they_have_no_part_in(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    assert "Only the owner or the requester of T-1" in chat.reply("@carol: /task done T-1")
    assert "waiting for an answer" in chat.reply("@alice: /task show T-1")


def test_an_ambiguous_name_is_asked_about_not_guessed(chat: ChatHarness) -> None:
    chat.say("@ana.m: hello")
    chat.say("@ana.p: hello")
    answer = chat.reply("@alice: /task add @ana send the report")
    assert "could be" in answer and "@ana.m" in answer and "@ana.p" in answer
    assert "nothing here" in chat.reply("@alice: /task list waiting")


def test_help_shows_every_command_with_an_example(chat: ChatHarness) -> None:
    text = chat.reply("/task help")
    for verb in ("add", "list", "accept", "propose", "decline", "done", "assign", "comment", "project"):
        assert f"/task {verb}" in text
