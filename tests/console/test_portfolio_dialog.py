"""Dialogs about goal status, the portfolio and commitment health."""
from __future__ import annotations

import pytest

from tests.harness import ChatHarness


@pytest.fixture
def launch(chat: ChatHarness) -> ChatHarness:
    """Goal grow-revenue (target 30 Apr) served by #launch with committed, late, undated and unanswered work."""
    chat.say("@alice: /task goal add grow-revenue by 30 apr — double the pipeline")
    chat.say("@alice: /task project new launch grow-revenue")
    chat.say("@alice: /task add @bob write the press release by friday #launch")
    chat.say("@bob: /task accept T-1")
    chat.say("@alice: /task add @bob design the booth by 2026-05-10 #launch")
    chat.say("@bob: /task accept T-2")
    chat.say("@alice: /task add @carol order swag #launch")
    chat.say("@alice: /task add book the venue #launch")
    chat.choose("@alice: /task add print the flyers by 2026-03-20 #launch", "Keep")  # overdue on purpose
    chat.say("@alice: /task add call the caterer by 2026-03-27 #launch")
    chat.say("@alice: /task done T-6")
    return chat


def test_goal_status_shows_counts_the_forecast_against_the_target_and_what_is_unknown(launch: ChatHarness) -> None:
    status = launch.reply("@alice: /task goal status grow-revenue")
    assert "Goal grow-revenue · owner @alice" in status
    assert "double the pipeline" in status
    assert "17% done (1 of 6) · 3 committed · 1 unanswered · 1 undated · 1 overdue · 1 slipped" in status
    assert ("Forecast finish: Sun 10 May — at risk: 1 commitment falls after the target of 30 Apr."
            in status)
    assert "Unknown: 2 open tasks without an agreed date" in status
    assert "Likely finish: not in sight — work is being added as fast as it is done." in status
    assert "• #launch: 17% done" in status


def test_the_portfolio_lists_every_goal_then_its_projects_and_the_projects_without_a_goal(
        launch: ChatHarness) -> None:
    launch.choose("@carol: /task add tidy the wiki by 2026-03-20 #housekeeping", "Keep")
    portfolio = launch.reply("@carol: /task portfolio")
    assert portfolio.index("Goal grow-revenue") < portfolio.index("• #launch") < portfolio.index(
        "Projects with no goal") < portfolio.index("• #housekeeping")
    assert "Forecast finish: overdue (the latest commitment was Fri 20 Mar)." in portfolio


def test_counts_leave_out_private_tasks_the_reader_may_not_see(launch: ChatHarness) -> None:
    launch.say("@bob: /task add secret plan #launch --private")
    assert "(1 of 7)" in launch.reply("@bob: /task goal status grow-revenue")
    assert "(1 of 6)" in launch.reply("@carol: /task goal status grow-revenue")


def test_stats_show_kept_commitments_renegotiations_and_load_to_whom_they_belong(launch: ChatHarness) -> None:
    launch.say("@alice: /task add @bob fix the stand by 2026-03-30 #launch")
    launch.say("@bob: /task propose T-7 2026-04-02")
    launch.say("@alice: /task accept T-7")
    launch.say("@bob: /task done T-1")
    launch.say(":advance 8d")
    mine = launch.reply("@bob: /task stats")
    assert "Commitment health of you:" in mine
    assert "kept on time: 1 of 2 in the last 30 days" in mine
    assert "renegotiations per request: 0.3" in mine
    assert "open load: 2 open commitments" in mine
    assert "People see their own figures" in launch.reply("@carol: /task stats @bob")
    assert "Only members of #launch" in launch.reply("@carol: /task stats #launch")
    assert "Commitment health of #launch:" in launch.reply("@alice: /task stats #launch")


def test_the_request_tells_the_owner_how_many_commitments_they_already_have_that_week(chat: ChatHarness) -> None:
    chat.say("@bob: /task add write the minutes by 2026-04-01")
    chat.say("@alice: /task add @bob fix the printer by 2026-03-31")
    chat.say("@bob: /task accept T-2")
    chat.say("@bob: /task add water the plants by 2026-04-09")
    [request] = [m for m in chat.say("@alice: /task add @bob send the agenda by 2026-04-02") if m.to == "@bob"]
    assert "You already have 2 commitments due that week." in request.text
    [undated] = [m for m in chat.say("@alice: /task add @bob tidy up") if m.to == "@bob"]
    assert "already have" not in undated.text


def test_the_portfolio_shows_five_projects_a_goal_and_says_where_the_rest_are(chat: ChatHarness) -> None:
    chat.say("@alice: /task goal add grow-revenue by 30 apr")
    for name in ("a1", "a2", "a3", "a4", "a5", "a6", "a7"):
        chat.say(f"@alice: /task project new {name} grow-revenue")
    portfolio = chat.reply("@alice: /task portfolio")
    assert "• #a5: 0% done" in portfolio and "#a6" not in portfolio
    assert "… and 2 more: /task goal status grow-revenue" in portfolio
    assert "#a7" in chat.reply("@alice: /task goal status grow-revenue")
