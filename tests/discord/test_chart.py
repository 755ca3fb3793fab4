"""A weekly project digest with its burn-up chart reaches a Discord channel as an attachment, or as text alone."""
from __future__ import annotations

from datetime import date

from bot.delivery.deliverer import Deliverer
from core.clock import FixedClock
from core.outbox import entry_for
from core.outcome import Notice
from core.report.burnup import BurnUp
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import RunningBot
from tests.discord.conftest import ALICE, GENERAL, GUILD
from tests.discord.flows import Json, answer, shown, task, until
from tests.fakediscord import FakeDiscord

CHART = BurnUp("#launch", (date(2026, 2, 23), date(2026, 3, 2)), (3, 5), (1, 2), date(2026, 3, 20)).to_dict()


def _queue_digest(uow_factory: SqlUnitOfWorkFactory, clock: FixedClock) -> None:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("discord", GUILD)
        assert workspace is not None and workspace.id is not None
        notice = Notice(0, "project digest", "Weekly digest · launch", conversation=GENERAL,
                        dedupe_key="project-digest:test", chart=CHART)
        uow.outbox.add(entry_for(notice, workspace.id, clock.now()))
        uow.commit()


def _digest_in_general(fake: FakeDiscord, deliverer: Deliverer) -> Json:
    def found() -> Json | None:
        deliverer.run_once()
        return next((m for m in fake.messages(GENERAL) if "Weekly digest" in str(m.get("content"))), None)
    return until(found, what="the project digest")


def test_the_burn_up_is_attached_to_the_project_digest(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                       deliverer: Deliverer, clock: FixedClock,
                                                       uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "list"))
    _queue_digest(uow_factory, clock)
    message = _digest_in_general(fake_discord, deliverer)
    [attachment] = message["attachments"]
    assert attachment["filename"] == "burn-up.png" and attachment["size"] > 1000
    assert attachment["signature"] == b"\x89PNG\r\n\x1a\n".hex()


def test_without_attach_files_the_digest_goes_as_text(discord_bot: RunningBot, fake_discord: FakeDiscord,
                                                      deliverer: Deliverer, clock: FixedClock,
                                                      uow_factory: SqlUnitOfWorkFactory) -> None:
    answer(task(fake_discord, ALICE, "list"))
    fake_discord.forbid_files(GENERAL)
    _queue_digest(uow_factory, clock)
    message = _digest_in_general(fake_discord, deliverer)
    assert message["attachments"] == []


def test_the_portfolio_and_stats_are_goal_actions_on_discord(discord_bot: RunningBot,
                                                             fake_discord: FakeDiscord) -> None:
    answer(task(fake_discord, ALICE, "goal", action="add", name="grow-revenue by 2026-06-30"))
    assert "Goal grow-revenue" in shown(answer(task(fake_discord, ALICE, "goal", action="portfolio")))
    assert "Commitment health of you" in shown(answer(task(fake_discord, ALICE, "goal", action="stats")))
