"""Dialogs: the digests carry commitment health, the forecast and the burn-up chart."""
from __future__ import annotations

from pathlib import Path

from storage.uow import SqlUnitOfWorkFactory
from tests.console.conftest import THURSDAY_EVENING
from tests.harness import ChatHarness


def test_the_weekly_project_digest_has_the_forecast_the_teams_record_and_a_chart_file(
        uow_factory: SqlUnitOfWorkFactory, tmp_path: Path) -> None:
    chat = ChatHarness(uow_factory, THURSDAY_EVENING, charts=tmp_path)
    chat.say("@bob: hello")
    chat.say("@alice: /task goal add grow-revenue by 30 apr")
    chat.say("@alice: /task project new launch grow-revenue")
    chat.say("@alice: /task add @bob write the press release by 2026-05-10 #launch")
    chat.say("@bob: /task accept T-1")
    chat.say("@alice: /task add book the venue by friday #launch")
    chat.say("@alice: /task done T-2")
    monday = chat.say(":advance 3d16h")  # Monday 30 March 09:30 CEST
    [posted] = [m for m in monday if m.to is None and m.conversation == "console" and "launch" in m.text]
    assert "Forecast\n50% done (1 of 2)" in posted.text
    assert "at risk: 1 commitment falls after the target of 30 Apr" in posted.text
    assert "The team kept 1 of 1 commitment on time in the last 30 days." in posted.text
    chart = Path(posted.text.split("Chart: ")[1].strip())
    assert chart.parent == tmp_path and chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_morning_digest_says_how_many_commitments_were_kept(chat: ChatHarness) -> None:
    chat.say("@bob: /task add write the minutes by friday")
    chat.say("@bob: /task add book the room by friday")
    chat.say("@bob: /task add order lunch by 2026-04-01")
    chat.say("@bob: /task done T-1")
    monday = chat.say(":advance 3d16h")
    *_, digest = [m for m in monday if m.to == "@bob" and m.text.startswith("Your digest")]
    assert "Your digest for Mon 30 Mar" in digest.text
    assert "You kept 1 of 2 commitments on time in the last 30 days." in digest.text
    assert "You kept 1 of 2" in chat.reply("@bob: /task digest now")
