"""Reminder stages for committed work: before, due, and daily while overdue in working hours."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from core.schedule.policy import NoHolidays, SchedulePolicy
from core.schedule.reminders import plan_reminder, reminder_notice
from core.tasks import Agreement, Priority, Status
from tests.schedule.builders import at, local, on, person, task

NONE = NoHolidays()
POLICY = SchedulePolicy()
BOB = person(1, "bob", tz="Europe/Berlin")
DUE_AT = local("Europe/Berlin", 2026, 3, 27, 15, 0)  # Friday 15:00 Berlin


def test_an_exact_deadline_is_first_reminded_an_hour_before() -> None:
    now = DUE_AT - timedelta(days=2)
    assert plan_reminder(task(due=at(DUE_AT)), BOB, now, POLICY, NONE) == (DUE_AT - timedelta(hours=1), "before")


def test_the_lead_time_comes_from_the_policy() -> None:
    policy = SchedulePolicy(reminder_lead=timedelta(minutes=15))
    plan = plan_reminder(task(due=at(DUE_AT)), BOB, DUE_AT - timedelta(days=1), policy, NONE)
    assert plan == (DUE_AT - timedelta(minutes=15), "before")


def test_after_the_early_reminder_comes_the_due_reminder() -> None:
    now = DUE_AT - timedelta(hours=1)
    assert plan_reminder(task(due=at(DUE_AT)), BOB, now, POLICY, NONE) == (DUE_AT, "due")


def test_after_the_deadline_the_overdue_reminder_comes_in_working_hours() -> None:
    assert plan_reminder(task(due=at(DUE_AT)), BOB, DUE_AT, POLICY, NONE) == (DUE_AT + POLICY.reminder_lead, "overdue")


def test_an_overdue_reminder_after_hours_waits_for_the_next_working_morning() -> None:
    late = local("Europe/Berlin", 2026, 3, 27, 19, 0)
    due = at(late, "Europe/Berlin")
    assert plan_reminder(task(due=due), BOB, late, POLICY, NONE) == (local("Europe/Berlin", 2026, 3, 30, 9, 0),
                                                                   "overdue")


def test_overdue_reminders_repeat_at_most_daily() -> None:
    sent = local("Europe/Berlin", 2026, 3, 30, 9, 0)
    overdue = task(due=at(DUE_AT), reminder_stage="overdue", next_reminder_at=sent)
    assert plan_reminder(overdue, BOB, sent, POLICY, NONE) == (local("Europe/Berlin", 2026, 3, 31, 9, 0), "overdue")


def test_the_daily_overdue_reminder_skips_the_weekend() -> None:
    sent = local("Europe/Berlin", 2026, 3, 27, 15, 1)
    overdue = task(due=at(DUE_AT), reminder_stage="overdue", next_reminder_at=sent)
    assert plan_reminder(overdue, BOB, sent, POLICY, NONE) == (local("Europe/Berlin", 2026, 3, 30, 9, 0), "overdue")


def test_a_date_only_deadline_gets_no_before_or_due_reminder() -> None:
    now = datetime(2026, 3, 25, 10, 0, tzinfo=UTC)
    due = on(date(2026, 3, 26), "Europe/Berlin")
    assert plan_reminder(task(due=due), BOB, now, POLICY, NONE) == (local("Europe/Berlin", 2026, 3, 27, 9, 0),
                                                                  "overdue")


def test_a_date_only_deadline_on_friday_is_overdue_on_monday_morning() -> None:
    now = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)
    due = on(date(2026, 3, 27), "Europe/Berlin")
    assert plan_reminder(task(due=due), BOB, now, POLICY, NONE)[0] == local("Europe/Berlin", 2026, 3, 30, 9, 0)


def test_a_date_only_overdue_reminder_repeats_daily() -> None:
    sent = local("Europe/Berlin", 2026, 3, 30, 9, 0)
    overdue = task(due=on(date(2026, 3, 27)), reminder_stage="overdue", next_reminder_at=sent)
    assert plan_reminder(overdue, BOB, sent + timedelta(seconds=5), POLICY, NONE)[0] == sent + timedelta(days=1)


def test_a_late_tick_plans_from_now_not_from_the_past() -> None:
    now = local("Europe/Berlin", 2026, 4, 1, 11, 0)
    overdue = task(due=at(DUE_AT), reminder_stage="overdue", next_reminder_at=local("Europe/Berlin", 2026, 3, 30, 9))
    assert plan_reminder(overdue, BOB, now, POLICY, NONE) == (now, "overdue")


def test_closed_undated_or_uncommitted_tasks_get_no_reminders() -> None:
    now = DUE_AT - timedelta(days=1)
    for quiet in (task(due=at(DUE_AT), status=Status.DONE), task(due=at(DUE_AT), status=Status.CANCELLED), task(),
                  task(due=at(DUE_AT), agreement=Agreement.REQUESTED, requester=2),
                  task(due=at(DUE_AT), agreement=Agreement.PROPOSED, requester=2)):
        assert plan_reminder(quiet, BOB, now, POLICY, NONE) == (None, None)


def test_the_early_reminder_says_when_and_how_soon() -> None:
    item = task(due=at(DUE_AT, "Europe/Berlin"), next_reminder_at=DUE_AT - timedelta(hours=1))
    notice = reminder_notice(item, BOB, "before", DUE_AT - timedelta(hours=1))
    assert notice.text == "Reminder: T-3 Send the report is due Fri 27 Mar 15:00 (in 1 hour)."
    assert notice.kind == "reminder" and notice.recipient_id == 1 and notice.task_id == 30
    assert [a.verb for a in notice.actions] == ["done", "snooze", "propose"]
    assert notice.actions[0].command == "/task done T-3"
    assert notice.actions[1].command.startswith("/task snooze T-3")


def test_the_due_reminder_says_it_is_due_now() -> None:
    notice = reminder_notice(task(due=at(DUE_AT), next_reminder_at=DUE_AT), BOB, "due", DUE_AT)
    assert notice.text == "Reminder: T-3 Send the report is due now."
    assert not notice.urgent


def test_only_the_due_reminder_of_an_urgent_task_is_urgent() -> None:
    urgent = task(due=at(DUE_AT), priority=Priority.URGENT, next_reminder_at=DUE_AT)
    assert reminder_notice(urgent, BOB, "due", DUE_AT).urgent
    assert not reminder_notice(urgent, BOB, "before", DUE_AT - timedelta(hours=1)).urgent
    assert not reminder_notice(urgent, BOB, "overdue", DUE_AT + timedelta(days=1)).urgent


def test_the_overdue_reminder_asks_done_or_another_date() -> None:
    item = task(due=on(date(2026, 3, 27)), next_reminder_at=datetime(2026, 3, 30, 7, 0, tzinfo=UTC))
    notice = reminder_notice(item, BOB, "overdue", datetime(2026, 3, 30, 7, 0, tzinfo=UTC))
    assert notice.text == "T-3 Send the report is overdue (was due Fri 27 Mar). Done? Need another date?"


def test_the_same_planned_reminder_always_has_the_same_dedupe_key() -> None:
    item = task(due=at(DUE_AT), next_reminder_at=DUE_AT)
    first = reminder_notice(item, BOB, "due", DUE_AT)
    again = reminder_notice(item, BOB, "due", DUE_AT + timedelta(minutes=3))
    assert first.dedupe_key == again.dedupe_key == f"reminder:30:due:{DUE_AT.isoformat()}"
    assert reminder_notice(item, BOB, "due", DUE_AT, fire_at=DUE_AT + timedelta(days=1)).dedupe_key != first.dedupe_key
