"""On Discord, the reference of an unexpected error is the request id its JSON log lines carry."""
from __future__ import annotations

import re
from pathlib import Path

from core.clock import FixedClock
from storage.uow import SqlUnitOfWorkFactory
from tests.discord.botrun import running_bot
from tests.discord.conftest import ALICE, GUILD
from tests.discord.flows import answer, shown, task, until
from tests.fakediscord import FakeDiscord
from tests.logs.capture import BrokenBus, json_lines, json_log_file


def test_a_discord_error_reference_finds_its_log_line(fake_discord: FakeDiscord, uow_factory: SqlUnitOfWorkFactory,
                                                      clock: FixedClock, tmp_path: Path) -> None:
    with json_log_file(tmp_path / "tandem.log") as log, running_bot(BrokenBus(uow_factory, clock), fake_discord):
        said = shown(answer(task(fake_discord, ALICE, "list")))
        reference = re.search(r"reference (E-[0-9A-F]{6})", said)
        assert reference is not None and "Traceback" not in said
        logged = until(lambda: [line for line in json_lines(log) if line["level"] == "ERROR"], what="the log line")
    assert [(line["request_id"], line["platform"], line["workspace"]) for line in logged] == [
        (reference.group(1), "discord", GUILD)]
