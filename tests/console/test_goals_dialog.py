"""Dialogs about goals with an owner, a target date and a description, and the projects serving them."""
from __future__ import annotations

from tests.harness import ChatHarness


def test_a_goal_gets_an_owner_a_target_and_a_description_and_can_be_edited(chat: ChatHarness) -> None:
    created = chat.reply("@alice: /task goal add grow-revenue by 30 apr owner @bob — double the pipeline")
    assert "Created goal grow-revenue · owner @bob · target Thu 30 Apr — double the pipeline" in created
    assert "Only the owner of goal grow-revenue" in chat.reply("@carol: /task goal edit grow-revenue by 31 may")
    assert "target Sun 31 May" in chat.reply("@bob: /task goal edit grow-revenue by 31 may")
    listed = chat.reply("@alice: /task goal list")
    assert "grow-revenue · owner @bob · target Sun 31 May — double the pipeline: no projects" in listed


def test_a_project_is_linked_to_a_goal_and_unlinked(chat: ChatHarness) -> None:
    chat.say("@alice: /task goal add grow-revenue by 30 apr")
    chat.say("@alice: /task project new launch")
    assert "#launch now serves goal grow-revenue" in chat.reply("@alice: /task project goal #launch grow-revenue")
    assert "grow-revenue · owner @alice · target Thu 30 Apr: #launch" in chat.reply("@alice: /task goal list")
    assert "#launch no longer serves a goal" in chat.reply("@alice: /task project goal launch none")
    assert "There is no goal 'shrink'" in chat.reply("@alice: /task project goal launch shrink")


def test_goal_input_that_cannot_be_read_says_how_to_write_it(chat: ChatHarness) -> None:
    assert "can't read 'blurple' as a date" in chat.reply("@alice: /task goal add ship by blurple")
    assert "I can't place 'soon'" in chat.reply("@alice: /task goal add ship soon")
    chat.say("@alice: /task goal add ship")
    assert "Goal ship already exists" in chat.reply("@alice: /task goal add Ship")
