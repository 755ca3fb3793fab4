"""The forecast, commitment health and burn-up series as pure functions."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from core.report.burnup import BurnUp, burn_up
from core.report.figures import WorkFigures, summed
from core.report.forecast import forecast
from core.report.health import Commitment, Request, health

NOW = datetime(2026, 4, 1, 12, tzinfo=UTC)
DAY = timedelta(days=1)


def test_the_promised_finish_is_the_latest_commitment_and_the_likely_one_adds_each_owners_slip() -> None:
    figures = WorkFigures(total=10, done=6, committed=4, done_recent=28, added_recent=0,
                          latest_by_owner={1: NOW + 10 * DAY, 2: NOW + 5 * DAY})
    outlook = forecast(figures, {2: 9 * DAY}, NOW)
    assert outlook.promised == NOW + 10 * DAY
    assert outlook.likely == NOW + 14 * DAY  # owner 2 slips nine days on average
    assert not outlook.stalled


def test_the_likely_finish_follows_the_trend_when_it_is_later_than_every_commitment() -> None:
    figures = WorkFigures(total=40, done=10, committed=1, undated=29, done_recent=14, added_recent=7,
                          latest_by_owner={1: NOW + 2 * DAY})
    outlook = forecast(figures, {}, NOW)
    assert outlook.likely == NOW + 120 * DAY  # 30 open at a net 7 per 28 days
    assert outlook.unknown == 29


def test_work_added_as_fast_as_it_is_done_has_no_likely_finish() -> None:
    outlook = forecast(WorkFigures(total=5, done=1, undated=4, done_recent=1, added_recent=5), {}, NOW)
    assert outlook.stalled and outlook.likely is None and outlook.promised is None


def test_goal_figures_sum_their_projects_keeping_each_owners_latest_commitment() -> None:
    one = WorkFigures(total=2, done=1, latest_by_owner={1: NOW, 2: NOW + DAY})
    two = WorkFigures(total=3, overdue=1, latest_by_owner={1: NOW + 3 * DAY})
    both = summed([one, two])
    assert (both.total, both.done, both.overdue, both.percent_done) == (5, 1, 1, 20)
    assert both.latest_by_owner == {1: NOW + 3 * DAY, 2: NOW + DAY}


def test_health_counts_kept_commitments_renegotiations_and_the_median_answer() -> None:
    commitments = [Commitment(1, NOW - 2 * DAY, NOW - 3 * DAY), Commitment(1, NOW - 5 * DAY, NOW - 4 * DAY),
                   Commitment(1, NOW - 60 * DAY, NOW - 61 * DAY), Commitment(1, NOW - DAY, None)]
    requests = [Request(NOW - DAY, NOW - DAY + timedelta(hours=2), 1), Request(NOW, None, 0),
                Request(NOW - DAY, NOW - DAY + timedelta(hours=4), 2)]
    record = health(commitments, requests, 3, NOW)
    assert (record.kept_month, record.due_month, record.kept_quarter, record.due_quarter) == (1, 3, 2, 4)
    assert record.renegotiations_per_task == 1.0
    assert record.median_answer == timedelta(hours=3)


def test_the_burn_up_counts_total_and_done_week_by_week_up_to_today() -> None:
    work = [(NOW - 20 * DAY, NOW - 10 * DAY), (NOW - 20 * DAY, None), (NOW - 3 * DAY, NOW - DAY)]
    series = burn_up("#launch", work, NOW, "UTC", promised=NOW + 7 * DAY)
    assert series.days[-1] == date(2026, 4, 1) and series.days[0] <= date(2026, 3, 12)
    assert series.total[-1] == 3 and series.done[-1] == 2
    assert series.total[0] == 0 and list(series.total) == sorted(series.total)
    assert BurnUp.from_dict(series.to_dict()) == series
