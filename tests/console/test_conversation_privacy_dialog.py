"""Dialogs about privacy that follows the conversation: what is asked in a private room stays in it."""
from __future__ import annotations

from tests.harness import ChatHarness


def _private_room_with_a_request(chat: ChatHarness) -> None:
    chat.say(":as alice")
    chat.say(":room #leadership private")
    chat.say(":join @bob")
    assert "Created T-1" in chat.reply("@alice: /task add @bob prepare the layoff list for Q3 by friday")
    chat.say(":room #console")


def test_carol_outside_the_private_channel_finds_nothing_and_hears_what_a_missing_task_gets(chat: ChatHarness) -> None:
    _private_room_with_a_request(chat)
    assert "nothing here" in chat.reply("@carol: /task list all")
    assert "nothing here" in chat.reply("@carol: /task list search layoff")
    hidden, missing = chat.reply("@carol: /task show T-1"), chat.reply("@carol: /task show T-2")
    assert hidden.replace("T-1", "T-?") == missing.replace("T-2", "T-?")
    assert "layoff" not in hidden
    assert "prepare the layoff list" in chat.reply("@bob: /task show T-1")


def test_someone_who_joins_the_room_sees_its_tasks_and_loses_them_on_leaving(chat: ChatHarness) -> None:
    _private_room_with_a_request(chat)
    chat.say(":room #leadership")
    chat.say(":join @carol")
    assert "prepare the layoff list" in chat.reply("@carol: /task show T-1")
    chat.say(":leave @carol")
    assert "I can't find T-1" in chat.reply("@carol: /task show T-1")


def test_guests_and_admins_outside_the_room_see_nothing_and_the_requester_can_widen_it(chat: ChatHarness) -> None:
    _private_room_with_a_request(chat)
    chat.say(":as dana admin")
    assert "I can't find T-1" in chat.reply("/task show T-1")
    chat.say(":as gus guest")
    assert "nothing here" in chat.reply("/task list all")
    assert "now visible to the workspace's members" in chat.reply("@alice: /task visibility T-1 workspace")
    assert "prepare the layoff list" in chat.reply("@dana: /task show T-1")
    assert "nothing here" in chat.reply("@gus: /task list all")
    assert "changed who sees it conversation → workspace" in chat.reply("@alice: /task show T-1")


def test_a_private_project_is_invisible_to_others_even_by_its_name(chat: ChatHarness) -> None:
    assert "It is private" in chat.reply("@alice: /task project new hr --private")
    chat.say("@alice: /task add @bob draft the reorg memo #hr")
    assert "#hr" not in chat.reply("@carol: /task project list")
    missing = chat.reply("@carol: /task project status nothing-here").replace("nothing-here", "?")
    assert chat.reply("@carol: /task project status hr").replace("hr", "?") == missing.replace("hr", "?")
    assert chat.reply("@carol: /task project join hr").replace("hr", "?") == \
        chat.reply("@carol: /task project join nothing-here").replace("nothing-here", "?")
    taken = chat.reply("@carol: /task add look into #hr")
    assert taken.replace("hr", "?") == chat.reply("@carol: /task project new hr").replace("hr", "?")
    assert "draft the reorg memo" in chat.reply("@bob: /task show T-1")
    assert "I can't find T-1" in chat.reply("@carol: /task show T-1")
    assert "1 open" in chat.reply("@alice: /task project status hr")


def test_project_status_counts_only_what_the_reader_may_see(chat: ChatHarness) -> None:
    chat.say("@alice: /task project new ops")
    chat.say("@alice: /task add @bob fix the boiler #ops")
    chat.say(":room #leadership private")
    chat.say(":join @alice")
    chat.say("@alice: /task add @bob prepare the layoff list #ops")
    chat.say(":room #console")
    assert "2 open" in chat.reply("@alice: /task project status ops")
    assert "1 open" in chat.reply("@carol: /task project status ops")


def test_the_weekly_project_digest_names_in_the_channel_only_what_everyone_there_may_see(chat: ChatHarness) -> None:
    chat.say("@alice: /task project new ops")
    chat.say("@alice: /task add @bob fix the boiler by friday #ops")
    chat.say(":room #leadership private")
    chat.say(":join @alice")
    chat.say("@alice: /task add @bob prepare the layoff list by friday #ops")
    chat.say(":room #console")
    week = chat.say(":advance 5d")
    in_channel = [m.text for m in week if m.to is None and m.text.startswith("Weekly digest")]
    to_owner = [m.text for m in week if m.to == "@alice" and m.text.startswith("Weekly digest")]
    assert len(in_channel) == 1 and "fix the boiler" in in_channel[0] and "layoff" not in in_channel[0]
    assert "of 1 done" in in_channel[0]
    assert len(to_owner) == 1 and "layoff" in to_owner[0] and "fix the boiler" in to_owner[0]
