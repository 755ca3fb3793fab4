"""Dialogs about "my work" (`/task list` with no view): its sections, filters that combine, paging by key, privacy."""
from __future__ import annotations

from tests.harness import ChatHarness


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _refs(text: str) -> list[str]:
    return [line.split()[0] for line in _lines(text) if line.startswith("T-")]


def _alice_has_one_of_each(chat: ChatHarness) -> None:
    chat.say("@alice: /task goal new grow-revenue")
    chat.say("@alice: /task project new launch grow-revenue")
    chat.say("@bob: /task add @alice write the press release by friday #launch")  # T-1: needs her answer
    chat.say("@carol: /task add @alice check the numbers by monday")  # T-2: she commits to it
    chat.say("@alice: /task accept T-2")
    chat.say("@alice: /task add renew my badge +admin !high")  # T-3: her own
    chat.say("@alice: /task add water the plants every monday")  # T-4: a recurring duty
    chat.say("@alice: /task add @bob send the minutes by sunday")  # T-5: she waits on bob


def test_my_work_shows_each_section_in_order_grouped_by_project_and_goal_with_totals(chat: ChatHarness) -> None:
    _alice_has_one_of_each(chat)
    work = chat.reply("@alice: /task list")
    lines = _lines(work)
    assert lines[0] == "tandem: Your work: 5 of 5"
    headings = [line for line in lines if line.split(" (")[0] in (
        "Needs your answer", "You committed to", "Your own tasks", "Your recurring duties", "You're waiting on others")]
    assert headings == ["Needs your answer (1)", "You committed to (1)", "Your own tasks (1)",
                        "Your recurring duties (1)", "You're waiting on others (1)"]
    assert _refs(work) == ["T-1", "T-2", "T-3", "T-4", "T-5"]
    assert "#launch · goal grow-revenue (1)" in lines
    assert "repeats every Monday · next round Mon 6 Apr" in work
    assert "Accept: /task accept T-1" in work  # the answer it needs comes with the list


def test_a_request_escalated_back_to_the_requester_needs_their_answer(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the Q3 report by 2026-04-03")
    assert "You're waiting on others (1)" in chat.reply("@alice: /task list")
    chat.say(":advance 20h")
    chat.say(":advance 4d")  # nudged, then escalated to alice
    assert "Needs your answer (1)" in chat.reply("@alice: /task list")
    assert "Needs your answer (1)" in chat.reply("@bob: /task list")


def test_a_counter_offer_waits_on_the_requester(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the minutes by friday")
    chat.say("@bob: /task propose T-1 next tuesday")
    assert "Needs your answer (1)" in chat.reply("@alice: /task list")
    assert "You're waiting on others" not in chat.reply("@alice: /task list")
    assert "Needs your answer" not in chat.reply("@bob: /task list")


def test_a_long_list_pages_by_key_and_more_continues_where_it_stopped(chat: ChatHarness) -> None:
    for i in range(1, 26):
        chat.say(f"@alice: /task add chore {i}")
    first = chat.reply("@alice: /task list")
    assert _lines(first)[0] == "tandem: Your work: 20 of 25"
    assert "20 of 25 shown. More: /task list more" in first
    assert _refs(first) == [f"T-{i}" for i in range(1, 21)]
    chat.say("@alice: /task done T-3")  # by key, not by offset: nothing on the next page is skipped
    second = chat.reply("@alice: /task list more")
    assert _refs(second) == [f"T-{i}" for i in range(21, 26)]
    assert "That is all 24." in second
    assert "There is no list to continue" in chat.reply("@alice: /task list more")


def test_each_person_continues_their_own_list(chat: ChatHarness) -> None:
    for i in range(1, 23):
        chat.say(f"@alice: /task add chore {i}")
    chat.say("@alice: /task list")
    assert "There is no list to continue" in chat.reply("@bob: /task list more")
    assert _refs(chat.reply("@alice: /task list more")) == ["T-21", "T-22"]


def test_a_view_pages_too_and_says_how_many_there_are(chat: ChatHarness) -> None:
    for i in range(1, 24):
        chat.say(f"@alice: /task add chore {i}")
    everything = chat.reply("@carol: /task list all")
    assert _lines(everything)[0] == "tandem: Open tasks: 20 of 23" and "More: /task list more" in everything
    assert _refs(chat.reply("@carol: /task list more")) == ["T-21", "T-22", "T-23"]


def test_filters_narrow_my_work_one_at_a_time(chat: ChatHarness) -> None:
    _alice_has_one_of_each(chat)
    chat.say("@alice: /task add book the venue by 2026-03-20 #launch")
    chat.say("@alice: /task confirm 1 2026-03-20")  # T-6, kept overdue
    chat.say("@alice: /task add order swag #launch")  # T-7
    chat.say("@alice: /task done T-7")
    assert _refs(chat.reply("@alice: /task list #launch")) == ["T-1", "T-6"]
    assert _refs(chat.reply("@alice: /task list +admin")) == ["T-3"]
    assert _refs(chat.reply("@alice: /task list !high")) == ["T-3"]
    assert _refs(chat.reply("@alice: /task list overdue")) == ["T-6"]  # the view: every overdue task I may see
    assert _refs(chat.reply("@alice: /task list +admin overdue")) == []
    done = chat.reply("@alice: /task list done")
    assert _refs(done) == ["T-7"] and "Your work, done in the last 14 days: 1 of 1" in done
    # Thursday 26 March: this week runs Monday 23 to Sunday 29 March in Berlin
    assert _refs(chat.reply("@alice: /task list due this week")) == ["T-1", "T-5"]


def test_filters_combine(chat: ChatHarness) -> None:
    _alice_has_one_of_each(chat)
    chat.say("@alice: /task add @bob fix the projector !high #launch by friday")  # T-6
    chat.say("@bob: /task accept T-6")
    bob = chat.reply("@alice: /task list @bob")
    assert _lines(bob)[0] == "tandem: @bob's work: 2 of 2"
    assert _refs(bob) == ["T-5", "T-6"] and "Needs @bob's answer (1)" in bob
    assert _refs(chat.reply("@alice: /task list @bob #launch !high due this week")) == ["T-6"]
    assert _refs(chat.reply("@alice: /task list @bob +admin")) == []
    assert "nothing here" in chat.reply("@alice: /task list #launch +nothing")
    assert _refs(chat.reply("@alice: /task list mine #launch")) == ["T-1"]
    chat.say("@alice: /task done T-3")
    assert _refs(chat.reply("@alice: /task list search badge")) == ["T-3"]  # search finds done tasks too


def test_a_word_that_is_no_filter_is_explained_not_ignored(chat: ChatHarness) -> None:
    answer = chat.reply("@alice: /task list urgently")
    assert "I won't ignore 'urgently'" in answer and "due this week" in answer
    assert "I don't know @nobody here" in chat.reply("@alice: /task list @nobody")
    assert "I can't find a project" in chat.reply("@alice: /task list #nowhere") or \
        "no project" in chat.reply("@alice: /task list #nowhere").lower()


def test_a_private_conversation_task_of_someone_else_never_appears_and_is_not_counted(chat: ChatHarness) -> None:
    chat.say(":as alice")
    chat.say(":room #leadership private")
    chat.say(":join @bob")
    chat.say("@alice: /task add @bob prepare the layoff list by friday")  # T-1, in the private room
    chat.say(":room #console")
    chat.say("@alice: /task add @bob book the offsite by friday")  # T-2
    seen = chat.reply("@carol: /task list @bob")
    assert "layoff" not in seen and _lines(seen)[0] == "tandem: @bob's work: 1 of 1"
    assert "1 of 1" in chat.reply("@carol: /task list all") and "layoff" not in chat.reply("@carol: /task list all")
    assert "layoff" in chat.reply("@bob: /task list")


def test_a_long_project_or_person_name_is_a_filter_not_a_too_long_view(chat: ChatHarness) -> None:
    name = "a-rather-long-project-name-for-the-launch-2027"
    chat.say(f"@alice: /task add book the venue #{name}")
    assert "T-1 book the venue" in chat.reply(f"@alice: /task list #{name}")


def test_a_declined_request_needs_the_requesters_answer(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob book the venue by friday")
    chat.say("@bob: /task decline T-1 I'm away that week")
    work = chat.reply("@alice: /task list")
    assert "Needs your answer (1)" in work and "T-1 book the venue" in work and "declined" in work
    assert "nothing here" in chat.reply("@bob: /task list")
