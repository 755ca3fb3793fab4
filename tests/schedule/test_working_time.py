"""Working days and hours: weekends, holidays, away, and counting working hours."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from core.schedule.policy import NoHolidays
from core.schedule.wall import local_instant
from core.schedule.working_time import add_working_hours, is_working_day, is_working_time, next_working_moment
from tests.schedule.builders import FakeHolidays, local, person

NONE = NoHolidays()
GOOD_FRIDAY = date(2026, 4, 3)
GERMANY = FakeHolidays({"DE": {GOOD_FRIDAY}})


def test_weekdays_are_working_days_and_weekends_are_not() -> None:
    bob = person()
    assert is_working_day(bob, date(2026, 3, 20), NONE)  # Friday
    assert not is_working_day(bob, date(2026, 3, 21), NONE)  # Saturday
    assert not is_working_day(bob, date(2026, 3, 22), NONE)


def test_a_public_holiday_in_the_persons_country_is_not_a_working_day() -> None:
    assert not is_working_day(person(holiday_country="DE"), GOOD_FRIDAY, GERMANY)
    assert is_working_day(person(holiday_country="FR"), GOOD_FRIDAY, GERMANY)


def test_without_a_holiday_country_nobody_has_holidays() -> None:
    assert is_working_day(person(holiday_country=None), GOOD_FRIDAY, FakeHolidays({"DE": {GOOD_FRIDAY}}))


def test_days_away_are_not_working_days_until_the_person_is_back() -> None:
    bob = person(away_until=date(2026, 3, 24))
    assert not is_working_day(bob, date(2026, 3, 24), NONE)
    assert is_working_day(bob, date(2026, 3, 25), NONE)


def test_working_time_is_between_start_and_end_in_the_persons_zone() -> None:
    ana = person(tz="Europe/Berlin")
    assert is_working_time(ana, local("Europe/Berlin", 2026, 3, 20, 9, 0), NONE)
    assert is_working_time(ana, local("Europe/Berlin", 2026, 3, 20, 17, 29), NONE)
    assert not is_working_time(ana, local("Europe/Berlin", 2026, 3, 20, 17, 30), NONE)
    assert not is_working_time(ana, local("Europe/Berlin", 2026, 3, 20, 8, 59), NONE)
    assert not is_working_time(ana, local("Europe/Berlin", 2026, 3, 21, 11, 0), NONE)


def test_the_next_working_moment_during_working_hours_is_now() -> None:
    now = local("Europe/Berlin", 2026, 3, 19, 11, 15)
    assert next_working_moment(person(tz="Europe/Berlin"), now, NONE) == now


def test_the_next_working_moment_in_the_evening_is_the_next_morning() -> None:
    bob = person(tz="America/New_York")
    evening = local("America/New_York", 2026, 3, 18, 20, 0)
    assert next_working_moment(bob, evening, NONE) == local("America/New_York", 2026, 3, 19, 9, 0)


def test_the_next_working_moment_on_friday_night_is_monday_morning() -> None:
    friday = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)
    assert next_working_moment(person(), friday, NONE) == datetime(2026, 3, 23, 9, 0, tzinfo=UTC)


def test_the_next_working_moment_skips_holidays_and_time_away() -> None:
    ana = person(holiday_country="DE", away_until=date(2026, 4, 6))
    thursday_night = datetime(2026, 4, 2, 18, 0, tzinfo=UTC)
    assert next_working_moment(ana, thursday_night, GERMANY) == datetime(2026, 4, 7, 9, 0, tzinfo=UTC)


def test_someone_without_working_days_is_reached_at_once() -> None:
    now = datetime(2026, 3, 20, 22, 0, tzinfo=UTC)
    assert next_working_moment(person(working_days=frozenset()), now, NONE) == now


def test_custom_working_days_and_hours_are_respected() -> None:
    sun_to_thu = person(working_days=frozenset({6, 0, 1, 2, 3}), work_start=time(8), work_end=time(16))
    friday = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)
    assert next_working_moment(sun_to_thu, friday, NONE) == datetime(2026, 3, 22, 8, 0, tzinfo=UTC)


def test_a_night_shift_runs_past_midnight() -> None:
    nights = person(work_start=time(22), work_end=time(6))
    assert is_working_time(nights, datetime(2026, 3, 20, 3, 0, tzinfo=UTC), NONE)  # Thursday's shift
    assert not is_working_time(nights, datetime(2026, 3, 20, 12, 0, tzinfo=UTC), NONE)


def test_working_hours_within_one_day_add_up_directly() -> None:
    start = datetime(2026, 3, 19, 10, 0, tzinfo=UTC)
    assert add_working_hours(person(), start, 4, NONE) == datetime(2026, 3, 19, 14, 0, tzinfo=UTC)


def test_working_hours_carry_over_the_night() -> None:
    start = datetime(2026, 3, 18, 15, 30, tzinfo=UTC)  # Wednesday, 2 hours before the end of the day
    assert add_working_hours(person(), start, 4, NONE) == datetime(2026, 3, 19, 11, 0, tzinfo=UTC)


def test_working_hours_carry_over_the_weekend() -> None:
    start = datetime(2026, 3, 20, 16, 30, tzinfo=UTC)  # Friday, 1 hour left
    assert add_working_hours(person(), start, 4, NONE) == datetime(2026, 3, 23, 12, 0, tzinfo=UTC)


def test_working_hours_started_outside_work_begin_at_the_next_window() -> None:
    saturday = datetime(2026, 3, 21, 12, 0, tzinfo=UTC)
    assert add_working_hours(person(), saturday, 1.5, NONE) == datetime(2026, 3, 23, 10, 30, tzinfo=UTC)


def test_working_hours_skip_holidays() -> None:
    thursday = datetime(2026, 4, 2, 15, 30, tzinfo=UTC)
    ana = person(holiday_country="DE")
    assert add_working_hours(ana, thursday, 4, GERMANY) == datetime(2026, 4, 6, 11, 0, tzinfo=UTC)


def test_a_whole_working_week_of_hours_ends_a_week_later() -> None:
    start = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
    assert add_working_hours(person(), start, 5 * 8.5, NONE) == datetime(2026, 3, 20, 17, 30, tzinfo=UTC)


def test_zero_hours_is_the_start_itself() -> None:
    start = datetime(2026, 3, 21, 12, 0, tzinfo=UTC)
    assert add_working_hours(person(), start, 0, NONE) == start


def test_without_working_days_hours_pass_like_clock_hours() -> None:
    start = datetime(2026, 3, 21, 12, 0, tzinfo=UTC)
    assert add_working_hours(person(working_days=frozenset()), start, 4, NONE) == start + timedelta(hours=4)


def test_a_wall_time_that_does_not_exist_moves_to_the_end_of_the_gap() -> None:
    assert local_instant(date(2026, 3, 29), time(2, 30), "Europe/Berlin") == local("Europe/Berlin", 2026, 3, 29, 3, 0)
    assert local_instant(date(2026, 3, 8), time(2, 30), "America/New_York") == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)


def test_an_ambiguous_wall_time_is_its_first_occurrence() -> None:
    assert local_instant(date(2026, 10, 25), time(2, 30), "Europe/Berlin") == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert local_instant(date(2026, 11, 1), time(1, 30), "America/New_York") == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
