"""Dialogs about fewer interruptions: comments and watched changes merged within a minute, batched, or held for
the digest, while requests and answers still come at once."""
from __future__ import annotations

from tests.harness import ChatHarness


def _watched(chat: ChatHarness) -> None:
    chat.say("@alice: /task add @bob send the report by friday")
    chat.say("@carol: /task watch T-1")


def test_several_notices_within_a_minute_arrive_as_one_message(chat: ChatHarness) -> None:
    _watched(chat)
    chat.say("@bob: /task comment T-1 first draft is up")
    chat.say("@bob: /task comment T-1 numbers added")
    assert not [m for m in chat.messages if m.to == "@carol" and "numbers added" in m.text]
    merged = [m for m in chat.say(":advance 1m") if m.to == "@carol"]
    assert [m.text for m in merged] == ["2 updates on tasks you follow:\n"
                                        "• @bob on T-1 send the report: first draft is up\n"
                                        "• @bob on T-1 send the report: numbers added"]
    assert len([m for m in merged if m.to == "@alice"]) == 0


def test_answers_to_a_request_come_at_once_and_a_watcher_hears_later(chat: ChatHarness) -> None:
    _watched(chat)
    answered = chat.say("@bob: /task accept T-1")
    assert any(m.to == "@alice" and "accepted T-1" in m.text for m in answered)
    done = chat.say("@bob: /task done T-1")
    assert any(m.to == "@alice" and "completed T-1" in m.text for m in done)
    assert not any(m.to == "@carol" for m in done)
    assert [m.text for m in chat.say(":advance 1m") if m.to == "@carol"] == ["@bob completed T-1 send the report."]


def test_batched_every_30_minutes(chat: ChatHarness) -> None:
    _watched(chat)
    assert "at most every 30 minutes" in chat.reply("@carol: /task settings notices every 30m")
    chat.say("@bob: /task comment T-1 first draft is up")
    assert not [m for m in chat.say(":advance 10m") if m.to == "@carol"]
    chat.say("@bob: /task comment T-1 numbers added")
    later = [m for m in chat.say(":advance 25m") if m.to == "@carol"]
    assert len(later) == 1 and later[0].text.startswith("2 updates on tasks you follow:")
    assert later[0].fired == "Thu 26 Mar 18:00"


def test_only_in_the_digest_waits_for_the_digest_time(chat: ChatHarness) -> None:
    _watched(chat)
    assert "wait for your digest time" in chat.reply("@carol: /task settings notices digest")
    chat.say("@bob: /task comment T-1 first draft is up")
    told = [m for m in chat.say(":advance 1d") if m.to == "@carol" and "first draft" in m.text]
    assert [m.fired for m in told] == ["Fri 27 Mar 09:00"]


def test_a_notices_setting_it_cant_read_says_how(chat: ChatHarness) -> None:
    assert "Say how your notices should come" in chat.reply("@carol: /task settings notices sometimes")
    assert "Choose between every 5m and every 24h" in chat.reply("@carol: /task settings notices every 1m")
    assert "come at once" in chat.reply("@carol: /task settings notices now")
