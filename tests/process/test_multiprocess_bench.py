"""The multi-process benchmark at a tiny size: 1 and 2 `tandem run` behind the balancer lose and double nothing."""
from __future__ import annotations

import os

import pytest

from bench.multiprocess import Setup, arguments, run_setup, sustained, table
from bench.slack import Result


@pytest.mark.postgres
@pytest.mark.parametrize("processes", [1, 2])
def test_every_command_and_reminder_is_handled_once(processes: int) -> None:
    server = os.environ.get("TANDEM_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("set TANDEM_TEST_POSTGRES_URL to run several processes on PostgreSQL")
    args = arguments(["--rates", "5,3", "--seconds", "2", "--settle", "30", "--reminders", "12", "--timeout", "60"])
    setup = run_setup(server, processes, args)
    assert [(c.name, c.sent, len(c.acks), len(c.replies)) for c in setup.commands] == [
        ("5/s", 10, 10, 10), ("3/s", 6, 6, 6)]
    assert setup.lost == [] and setup.doubled == [] and setup.doubled_dms == 0
    assert setup.reminders == 12
    assert all("Traceback" not in errors for errors in setup.errors), setup.errors
    assert f"| {processes} | 5/s | 10 | 10 |" in table([setup])


def test_the_sustained_rate_is_the_highest_answered_in_full_with_a_fast_p95() -> None:
    fast = Result("25/s", sent=20, acks=[0.02] * 20, replies=[0.05] * 20)
    slow = Result("50/s", sent=20, acks=[0.02] * 18 + [0.3] * 2, replies=[0.05] * 20)
    faster_but_lossy = Result("100/s", sent=20, acks=[0.02] * 19, replies=[0.05] * 19)
    assert sustained(Setup(2, [fast, slow, faster_but_lossy])) == "25/s"
    assert sustained(Setup(2, [slow])) == "none"
