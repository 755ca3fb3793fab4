"""Recurring tasks: next due dates, rotating owners and on-schedule instances."""
from __future__ import annotations

from datetime import UTC, date, datetime

from core.schedule.recurrence import next_due, next_owner, plan_occurrence
from core.tasks import RepeatMode
from tests.schedule.builders import at, local, on, person, task


def test_a_weekly_date_repeats_a_week_later() -> None:
    weekly = task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY")
    assert next_due(weekly, date(2026, 3, 23)) == on(date(2026, 3, 30))


def test_weekly_on_chosen_days_takes_the_next_chosen_day() -> None:
    twice = task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY;BYDAY=MO,TH")
    assert next_due(twice, date(2026, 3, 23)) == on(date(2026, 3, 26))


def test_every_other_week_skips_a_week() -> None:
    fortnightly = task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY;INTERVAL=2")
    assert next_due(fortnightly, date(2026, 3, 23)) == on(date(2026, 4, 6))


def test_monthly_keeps_the_day_of_the_month() -> None:
    monthly = task(due=on(date(2026, 3, 15)), recurrence="FREQ=MONTHLY")
    assert next_due(monthly, date(2026, 3, 15)) == on(date(2026, 4, 15))


def test_the_last_day_of_the_month_follows_short_months() -> None:
    last = task(due=on(date(2026, 1, 31)), recurrence="FREQ=MONTHLY;BYMONTHDAY=-1")
    assert next_due(last, date(2026, 1, 31)) == on(date(2026, 2, 28))
    assert next_due(last, date(2026, 2, 28)) == on(date(2026, 3, 31))


def test_the_first_monday_of_the_month() -> None:
    first_monday = task(due=on(date(2026, 3, 2)), recurrence="FREQ=MONTHLY;BYDAY=+1MO")
    assert next_due(first_monday, date(2026, 3, 2)) == on(date(2026, 4, 6))


def test_a_late_completion_jumps_to_the_next_date_after_it() -> None:
    weekly = task(due=on(date(2026, 3, 2)), recurrence="FREQ=WEEKLY")
    assert next_due(weekly, date(2026, 3, 18)) == on(date(2026, 3, 23))


def test_an_exact_time_keeps_its_wall_clock_time_and_zone() -> None:
    daily = task(due=at(local("Asia/Tokyo", 2026, 3, 23, 18, 0), "Asia/Tokyo"), recurrence="FREQ=DAILY")
    assert next_due(daily, date(2026, 3, 23)) == at(local("Asia/Tokyo", 2026, 3, 24, 18, 0), "Asia/Tokyo")


def test_a_finished_series_or_a_one_off_task_has_no_next_due() -> None:
    finished = task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY;COUNT=1")
    assert next_due(finished, date(2026, 3, 23)) is None
    until = task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY;UNTIL=20260325T000000Z")
    assert next_due(until, date(2026, 3, 23)) is None
    assert next_due(task(due=on(date(2026, 3, 23))), date(2026, 3, 23)) is None
    assert next_due(task(recurrence="FREQ=WEEKLY"), date(2026, 3, 23)) is None


def test_an_rrule_prefix_is_accepted() -> None:
    weekly = task(due=on(date(2026, 3, 23)), recurrence="RRULE:FREQ=WEEKLY")
    assert next_due(weekly, date(2026, 3, 23)) == on(date(2026, 3, 30))


PEOPLE = {1: person(1, "ana"), 2: person(2, "bob"), 3: person(3, "cy")}


def test_a_rotation_passes_to_the_next_person() -> None:
    assert next_owner(task(owner=1, rotation=(1, 2, 3)), PEOPLE, date(2026, 3, 30)) == 2
    assert next_owner(task(owner=3, rotation=(1, 2, 3)), PEOPLE, date(2026, 3, 30)) == 1


def test_a_rotation_skips_people_who_are_away_that_day() -> None:
    people = PEOPLE | {2: person(2, "bob", away_until=date(2026, 4, 3))}
    assert next_owner(task(owner=1, rotation=(1, 2, 3)), people, date(2026, 3, 30)) == 3
    assert next_owner(task(owner=1, rotation=(1, 2, 3)), people, date(2026, 4, 6)) == 2


def test_when_everyone_is_away_the_current_owner_keeps_it() -> None:
    away = {pid: person(pid, away_until=date(2026, 4, 30)) for pid in (1, 2, 3)}
    assert next_owner(task(owner=2, rotation=(1, 2, 3)), away, date(2026, 3, 30)) == 2


def test_without_a_rotation_the_owner_stays() -> None:
    assert next_owner(task(owner=2), PEOPLE, date(2026, 3, 30)) == 2


def test_an_owner_outside_the_rotation_hands_it_to_the_first_person() -> None:
    assert next_owner(task(owner=9, rotation=(1, 2, 3)), PEOPLE, date(2026, 3, 30)) == 1


def test_on_schedule_tasks_make_the_next_instance_at_the_deadline() -> None:
    weekly = task(due=on(date(2026, 3, 23), "Europe/Berlin"), recurrence="FREQ=WEEKLY",
                  repeat_mode=RepeatMode.ON_SCHEDULE)
    assert plan_occurrence(weekly) == datetime(2026, 3, 23, 23, 0, tzinfo=UTC)


def test_on_done_or_one_off_tasks_have_no_scheduled_instance() -> None:
    assert plan_occurrence(task(due=on(date(2026, 3, 23)), recurrence="FREQ=WEEKLY")) is None
    assert plan_occurrence(task(due=on(date(2026, 3, 23)), repeat_mode=RepeatMode.ON_SCHEDULE)) is None


def test_every_four_weeks_on_monday_skips_three_mondays() -> None:
    rule = task(due=on(date(2026, 10, 26)), recurrence="FREQ=WEEKLY;INTERVAL=4;BYDAY=MO")
    assert next_due(rule, date(2026, 10, 26)) == on(date(2026, 11, 23))


def test_every_other_week_on_two_days_keeps_both_days_of_the_week_it_runs() -> None:
    rule = task(due=on(date(2026, 10, 27)), recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH")
    assert next_due(rule, date(2026, 10, 27)) == on(date(2026, 10, 29))
    moved = task(due=on(date(2026, 10, 29)), recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH")
    assert next_due(moved, date(2026, 10, 29)) == on(date(2026, 11, 10))


def test_every_six_months_on_the_twentieth() -> None:
    rule = task(due=on(date(2026, 11, 20)), recurrence="FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=20")
    assert next_due(rule, date(2026, 11, 20)) == on(date(2027, 5, 20))


def test_a_series_ends_at_its_until_day() -> None:
    rule = "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261207T235959"
    assert next_due(task(due=on(date(2026, 11, 30)), recurrence=rule), date(2026, 11, 30)) == on(date(2026, 12, 7))
    assert next_due(task(due=on(date(2026, 12, 7)), recurrence=rule), date(2026, 12, 7)) is None


def test_every_eight_hours_counts_real_hours_across_the_autumn_change() -> None:
    start = at(local("Europe/London", 2026, 10, 24, 22, 0), "Europe/London")
    rule = task(due=start, recurrence="FREQ=HOURLY;INTERVAL=8")
    found = next_due(rule, date(2026, 10, 24))
    assert found is not None and found.at == datetime(2026, 10, 25, 5, 0, tzinfo=UTC)
    assert found.wire() == "2026-10-25T05:00:00+00:00"


def test_an_hourly_series_stops_at_its_until_in_the_persons_zone() -> None:
    start = at(local("America/New_York", 2026, 11, 2, 20, 0), "America/New_York")
    rule = task(due=start, recurrence="FREQ=HOURLY;INTERVAL=3;UNTIL=20261102T235959")
    assert next_due(rule, date(2026, 11, 2)) == at(local("America/New_York", 2026, 11, 2, 23, 0), "America/New_York")
    last = task(due=at(local("America/New_York", 2026, 11, 2, 23, 0), "America/New_York"), recurrence=rule.recurrence)
    assert next_due(last, date(2026, 11, 2)) is None
