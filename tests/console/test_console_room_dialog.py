"""Dialogs with the console itself: who may join under which name, and moving the sandbox clock."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import Engine

from core.sandbox import Sandbox
from tests.harness import ChatHarness
from tests.snapshot import snapshot


def test_a_name_longer_than_the_limit_is_refused_and_the_room_goes_on(chat: ChatHarness, engine: Engine) -> None:
    before = snapshot(engine)
    answer = chat.reply("@" + "n" * 60_000 + ": hello")
    assert "That name is 60,000 characters; the limit is 80" in answer
    assert snapshot(engine) == before
    assert "Created T-1" in chat.reply("@alice: /task add water the plants")


def test_switching_to_a_name_longer_than_the_limit_is_refused(chat: ChatHarness) -> None:
    assert "the limit is 80" in chat.reply(":as " + "n" * 100)
    assert "Created T-1" in chat.reply("/task add water the plants")
    assert "Owner: @you" in chat.reply("/task show T-1")


def test_a_name_that_looks_like_someone_here_is_refused(chat: ChatHarness, engine: Engine) -> None:
    before = snapshot(engine)
    answer = chat.reply("@\u0430lice: /task add @bob send the report")  # a Cyrillic "а"
    assert "looks just like @alice, who is already here" in answer
    assert "looks just like @alice" in chat.reply(":as \u0430lice")
    assert snapshot(engine) == before


def test_a_name_that_only_resembles_someone_is_welcome(chat: ChatHarness) -> None:
    assert chat.say("@alicia: hello") == []
    assert "Created T-1" in chat.reply("@alicia: /task add @alice check the numbers")


def test_the_same_name_in_other_letter_case_is_the_same_person(chat: ChatHarness) -> None:
    assert "Created T-1" in chat.reply("@Alice: /task add water the plants")
    assert "Owner: @alice" in chat.reply("@alice: /task show T-1")


def test_advance_beyond_the_cap_says_the_cap_and_leaves_the_clock(chat: ChatHarness) -> None:
    answer = chat.reply(":advance 99999w")
    assert "at most 8 weeks at a time" in answer and ":advance 8w" in answer
    assert "Thu 26 Mar 2026 17:30" in chat.reply(":now")


def test_advance_by_no_time_is_answered(chat: ChatHarness) -> None:
    assert "That is no time at all" in chat.reply(":advance 0m")
    assert "Say how far" in chat.reply(":advance soon")


def test_each_notice_from_advance_shows_the_sandbox_time_it_fell_due(chat: ChatHarness) -> None:
    chat.say("@alice: /task add call the bank tomorrow at 11:00")
    messages = chat.say(":advance 1d")
    reminders = [m for m in messages if m.to == "@alice" and m.text.startswith("Reminder")]
    assert [m.fired for m in reminders][:2] == ["Fri 27 Mar 10:00", "Fri 27 Mar 11:00"]
    assert reminders[0].as_text().startswith("[Fri 27 Mar 10:00] [DM @alice] ")
    assert json.loads(reminders[1].as_json())["fired"] == "Fri 27 Mar 11:00"
    assert "It is now Fri 27 Mar 2026 17:30" in [m for m in messages if m.to is None][-1].text


def test_a_notice_caused_by_a_command_carries_no_time(chat: ChatHarness) -> None:
    messages = chat.say("@alice: /task add @bob send the report by friday")
    assert [m.fired for m in messages if m.to == "@bob"] == [None]


def test_a_refusal_is_marked_as_an_error_for_scripts(chat: ChatHarness) -> None:
    refused = [m for m in chat.say("@alice: /task done banana") if m.to is None][0]
    assert json.loads(refused.as_json())["error"] is True
    done = [m for m in chat.say("@alice: /task add water the plants") if m.to is None][0]
    assert "error" not in json.loads(done.as_json())


def test_advance_jumps_over_quiet_stretches_stopping_only_where_something_falls_due(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by 2026-04-03")
    sandbox = Sandbox(chat.clock, chat.scheduler, chat.tz)
    stops = list(sandbox.run(timedelta(weeks=8)))
    assert stops[-1] == chat.clock.now()
    assert len(stops) < 200  # stepping every 15 minutes would take 5,376 steps
    assert stops == sorted(stops)
