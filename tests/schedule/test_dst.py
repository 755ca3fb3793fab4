"""Daylight saving changes never move a wall-clock event; working hours count real hours across them."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from core.schedule.digest import next_digest_at
from core.schedule.policy import NoHolidays, SchedulePolicy
from core.schedule.recurrence import next_due
from core.schedule.reminders import plan_reminder
from core.schedule.working_time import add_working_hours, next_working_moment
from tests.schedule.builders import at, local, local_on, on, person, task, wall

NONE = NoHolidays()
EVERY_DAY = frozenset(range(7))
# (zone, the Sunday the clocks change, hours in the Saturday night from 22:00 to 06:00)
CHANGES = [
    pytest.param("Europe/Berlin", date(2026, 3, 29), 7, id="berlin-spring"),
    pytest.param("Europe/Berlin", date(2026, 10, 25), 9, id="berlin-fall"),
    pytest.param("America/New_York", date(2026, 3, 8), 7, id="new-york-spring"),
    pytest.param("America/New_York", date(2026, 11, 1), 9, id="new-york-fall"),
]
DAY = timedelta(days=1)


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_nine_oclock_digest_stays_at_nine_on_both_sides_of_the_change(tz: str, change: date, night: int) -> None:
    reader = person(tz=tz, digest_days=EVERY_DAY)
    saturday = local_on(tz, change - DAY, 9, 0)
    sunday = next_digest_at(reader, saturday, NONE)
    assert sunday is not None and wall(sunday, tz) == (change, time(9, 0))
    monday = next_digest_at(reader, sunday, NONE)
    assert monday is not None and wall(monday, tz) == (change + DAY, time(9, 0))
    assert monday - sunday == timedelta(hours=24)
    assert sunday - saturday == timedelta(hours=23 if night == 7 else 25)


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_weekday_digest_after_the_weekend_of_the_change_is_at_nine(tz: str, change: date, night: int) -> None:
    friday = local_on(tz, change - 2 * DAY, 9, 0)
    monday = next_digest_at(person(tz=tz), friday, NONE)
    assert monday is not None and wall(monday, tz) == (change + DAY, time(9, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_reminder_for_nine_the_day_after_the_change_fires_at_nine(tz: str, change: date, night: int) -> None:
    owner = person(tz=tz)
    nine = local_on(tz, change + DAY, 9, 0)
    item = task(due=at(nine, tz))
    before = plan_reminder(item, owner, nine - timedelta(days=2), SchedulePolicy(), NONE)
    assert before[1] == "before" and before[0] is not None and wall(before[0], tz) == (change + DAY, time(8, 0))
    due = plan_reminder(item, owner, before[0], SchedulePolicy(), NONE)
    assert due[1] == "due" and due[0] is not None and wall(due[0], tz) == (change + DAY, time(9, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_overdue_reminders_stay_at_the_same_local_time_across_the_change(tz: str, change: date, night: int) -> None:
    owner = person(tz=tz, working_days=EVERY_DAY)
    saturday_nine = local_on(tz, change - DAY, 9, 0)
    item = task(due=on(change - 2 * DAY, tz), reminder_stage="overdue", next_reminder_at=saturday_nine)
    fire, stage = plan_reminder(item, owner, saturday_nine, SchedulePolicy(), NONE)
    assert stage == "overdue" and fire is not None and wall(fire, tz) == (change, time(9, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_date_only_deadline_on_the_change_is_overdue_at_nine_next_morning(tz: str, change: date, night: int) -> None:
    owner = person(tz=tz)
    fire, _ = plan_reminder(task(due=on(change, tz)), owner, local_on(tz, change, 12, 0),
                            SchedulePolicy(), NONE)
    assert fire is not None and wall(fire, tz) == (change + DAY, time(9, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_weekly_nine_oclock_duty_keeps_nine_across_the_change(tz: str, change: date, night: int) -> None:
    monday_before = change - 6 * DAY
    weekly = task(due=at(local_on(tz, monday_before, 9, 0), tz), recurrence="FREQ=WEEKLY")
    due = next_due(weekly, monday_before)
    assert due is not None and due.at is not None and due.tz == tz
    assert wall(due.at, tz) == (change + DAY, time(9, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_working_hours_over_the_change_weekend_end_at_the_right_wall_time(tz: str, change: date, night: int) -> None:
    friday = local_on(tz, change - 2 * DAY, 16, 30)
    end = add_working_hours(person(tz=tz), friday, 2, NONE)
    assert wall(end, tz) == (change + DAY, time(10, 0))


@pytest.mark.parametrize(("tz", "change", "night"), CHANGES)
def test_a_night_shift_over_the_change_counts_the_hours_really_worked(tz: str, change: date, night: int) -> None:
    nights = person(tz=tz, working_days=EVERY_DAY, work_start=time(22), work_end=time(6))
    saturday_night = local_on(tz, change - DAY, 22, 0)
    end = add_working_hours(nights, saturday_night, 8, NONE)
    if night >= 8:
        assert end - saturday_night == timedelta(hours=8)
        assert wall(end, tz) == (change, time(5, 0))
    else:
        assert wall(end, tz) == (change, time(23, 0))
    shift_over = saturday_night + timedelta(hours=night)
    assert next_working_moment(nights, shift_over, NONE) == local_on(tz, change, 22, 0)


def test_a_digest_time_that_does_not_exist_that_day_comes_when_the_clocks_jump() -> None:
    early = person(tz="Europe/Berlin", digest_time=time(2, 30), digest_days=EVERY_DAY)
    fire = next_digest_at(early, local("Europe/Berlin", 2026, 3, 28, 12, 0), NONE)
    assert fire is not None and wall(fire, "Europe/Berlin") == (date(2026, 3, 29), time(3, 0))
