"""Dialogs about goals, projects and their status; and the views."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_project_status_counts_states_overdue_and_unanswered(chat: ChatHarness) -> None:
    chat.say("@alice: /task goal new grow-revenue")
    assert "serving goal grow-revenue" in chat.reply("@alice: /task project new launch grow-revenue")
    chat.say("@alice: /task add @bob write the press release by friday #launch")
    chat.say("@alice: /task add book the venue by 2026-03-20 #launch")
    chat.say("@alice: /task confirm 1 2026-03-20")  # the choice "Keep Fri 20 Mar (overdue)"
    chat.say("@alice: /task add order swag tomorrow #launch")
    chat.say("@alice: /task done T-3")
    status = chat.reply("@alice: /task project status launch")
    assert "#launch: 33% done" in status
    assert "1 overdue, 1 unanswered request, 0 commitments due this week." in status
    assert "launch" in chat.reply("@alice: /task goal list")
    assert "T-1 write the press release" in chat.reply("@carol: /task list project launch")


def test_a_hash_name_in_a_task_makes_the_project_on_first_use(chat: ChatHarness) -> None:
    chat.say("@alice: /task add plan the offsite #offsite")
    assert "#offsite" in chat.reply("@alice: /task project list")


def test_the_views_show_the_right_tasks_to_each_person(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the minutes tomorrow")
    chat.say("@bob: /task add @alice approve the budget by 2026-03-20")
    chat.say("@bob: /task confirm 1 2026-03-20")  # the choice "Keep Fri 20 Mar (overdue)"
    chat.say("@alice: /task add renew my badge")
    assert "T-2 approve the budget" in chat.reply("@alice: /task list inbox")
    waiting = chat.reply("@alice: /task list waiting")
    assert "T-1 send the minutes" in waiting and "T-3" not in waiting
    mine = chat.reply("@alice: /task list mine")
    assert "T-2" in mine and "T-3 renew my badge" in mine and "T-1" not in mine
    assert "T-2 approve the budget" in chat.reply("@alice: /task list overdue")
    assert "T-3 renew my badge" in chat.reply("@carol: /task list search badge")
    assert "T-1 send the minutes" in chat.reply("@carol: /task list here")


def test_a_subtask_shows_its_parent_and_the_parent_lists_it(chat: ChatHarness) -> None:
    chat.say("@alice: /task add plan the offsite by friday")
    chat.say("@alice: /task add book the venue")
    assert "Updated T-2: parent set" in chat.reply("@alice: /task edit T-2 parent T-1")
    assert "Part of T-1 plan the offsite" in chat.reply("@alice: /task show T-2")
    assert "subtask T-2 book the venue (open)" in chat.reply("@alice: /task show T-1")
    assert "that would make a loop" in chat.reply("@alice: /task edit T-1 parent T-2")
