"""The multi-process benchmark at a tiny size: 1 and 2 `tandem run` behind the balancer lose and double nothing."""
from __future__ import annotations

import os

import pytest

from bench.multiprocess import arguments, run_setup, table

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("processes", [1, 2])
def test_every_command_and_reminder_is_handled_once(processes: int) -> None:
    server = os.environ.get("TANDEM_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("set TANDEM_TEST_POSTGRES_URL to run several processes on PostgreSQL")
    args = arguments(["--rate", "5", "--seconds", "2", "--settle", "30", "--reminders", "12", "--timeout", "60"])
    setup = run_setup(server, processes, args)
    commands = setup.commands
    assert commands.sent == 10 and len(commands.acks) == 10 and len(commands.replies) == 10
    assert setup.lost == [] and setup.doubled == [] and setup.doubled_dms == 0
    assert setup.reminders == 12
    assert all("Traceback" not in errors for errors in setup.errors), setup.errors
    assert f"| {processes} | 10 | 10 |" in table([setup])
