"""The morning digest: when it comes, its sections, and skipping it when there is nothing to say."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from core.ports import DigestMaterial
from core.schedule.digest import compose_digest, digest_sections, next_digest_at
from core.schedule.policy import NoHolidays
from core.tasks import Agreement, Status, Task
from tests.schedule.builders import FakeHolidays, at, local, on, person, task

NONE = NoHolidays()
ANA = person(1, "ana", tz="Europe/Berlin")
BOB = person(2, "bob")
PEOPLE = {1: ANA, 2: BOB}
NOW = local("Europe/Berlin", 2026, 3, 24, 9, 0)  # Tuesday
TODAY = date(2026, 3, 24)


def material(owned: list[Task] | None = None, requested: list[Task] | None = None,
             done: list[Task] | None = None) -> DigestMaterial:
    return DigestMaterial(owned=owned or [], requested=requested or [], done_for_them=done or [])


def test_the_next_digest_is_at_the_digest_time_on_the_next_working_day() -> None:
    friday_morning = local("Europe/Berlin", 2026, 3, 20, 9, 0)
    assert next_digest_at(ANA, friday_morning, NONE) == local("Europe/Berlin", 2026, 3, 23, 9, 0)


def test_the_next_digest_is_later_today_when_the_time_has_not_come() -> None:
    early = local("Europe/Berlin", 2026, 3, 24, 6, 0)
    assert next_digest_at(ANA, early, NONE) == local("Europe/Berlin", 2026, 3, 24, 9, 0)


def test_the_digest_follows_its_own_time_and_days() -> None:
    saturday_reader = person(1, tz="Europe/Berlin", digest_time=time(7, 30), digest_days=frozenset({5}))
    assert next_digest_at(saturday_reader, NOW, NONE) == local("Europe/Berlin", 2026, 3, 28, 7, 30)


def test_no_digest_on_holidays() -> None:
    ana = person(1, tz="Europe/Berlin", holiday_country="DE")
    thursday = local("Europe/Berlin", 2026, 4, 2, 10, 0)
    holidays = FakeHolidays({"DE": {date(2026, 4, 3), date(2026, 4, 6)}})
    assert next_digest_at(ana, thursday, holidays) == local("Europe/Berlin", 2026, 4, 7, 9, 0)


def test_no_digest_while_away() -> None:
    ana = person(1, tz="Europe/Berlin", away_until=date(2026, 3, 31))
    assert next_digest_at(ana, NOW, NONE) == local("Europe/Berlin", 2026, 4, 1, 9, 0)


def test_no_digest_when_turned_off_or_no_day_is_chosen() -> None:
    assert next_digest_at(person(digest_enabled=False), NOW, NONE) is None
    assert next_digest_at(person(digest_days=frozenset()), NOW, NONE) is None


def test_sections_sort_work_into_overdue_today_this_week_asked_waiting_and_done() -> None:
    overdue = task(1, "Old", due=on(date(2026, 3, 23)))
    today = task(2, "Today", due=at(local("Europe/Berlin", 2026, 3, 24, 16, 0), "Europe/Berlin"))
    week = task(3, "Friday", due=on(date(2026, 3, 27)))
    later = task(4, "Next month", due=on(date(2026, 4, 20)))
    asked = task(5, "Please", requester=2, agreement=Agreement.REQUESTED, due=on(date(2026, 3, 25)))
    waiting = task(6, "For me", owner=2, requester=1, agreement=Agreement.COMMITTED)
    done = task(7, "Finished", owner=2, requester=1, status=Status.DONE)
    sections = digest_sections(ANA, material([later, week, today, overdue, asked], [waiting], [done]), NOW)
    assert list(sections) == ["Overdue", "Due today", "Due this week", "Asked of you", "You're waiting on",
                              "Done since your last digest"]
    assert [[t.number for t in tasks] for tasks in sections.values()] == [[1], [2], [3], [5], [6], [7]]


def test_due_today_is_judged_in_the_readers_zone() -> None:
    late_tonight = task(2, "Late", due=at(datetime(2026, 3, 24, 22, 30, tzinfo=UTC)))  # 23:30 Berlin
    after_midnight = task(3, "Later", due=at(datetime(2026, 3, 24, 23, 30, tzinfo=UTC)))  # 00:30 Berlin
    sections = digest_sections(ANA, material([late_tonight, after_midnight]), NOW)
    assert [t.number for t in sections["Due today"]] == [2]
    assert [t.number for t in sections["Due this week"]] == [3]


def test_proposals_waiting_on_the_reader_show_the_proposed_date_first() -> None:
    committed = task(6, "Committed", owner=2, requester=1, due=on(date(2026, 3, 25)))
    proposed = task(8, "Moved", owner=2, requester=1, agreement=Agreement.PROPOSED, due=on(date(2026, 3, 26)),
                    proposed_due=on(date(2026, 3, 31)))
    notice = compose_digest(ANA, material(requested=[committed, proposed]), PEOPLE, NOW)
    assert notice is not None
    waiting = notice.text.split("You're waiting on (2)\n")[1].splitlines()
    assert waiting == ["• T-8 Moved · @bob · due Thu 26 Mar · proposed Tue 31 Mar",
                       "• T-6 Committed · @bob · due Wed 25 Mar · committed"]


def test_an_empty_digest_is_skipped() -> None:
    assert digest_sections(ANA, material(), NOW) == {}
    assert compose_digest(ANA, material(), PEOPLE, NOW) is None


def test_closed_and_undated_own_work_is_left_out() -> None:
    quiet = [task(1, "Done", due=on(date(2026, 3, 23)), status=Status.DONE), task(2, "Someday")]
    assert compose_digest(ANA, material(quiet), PEOPLE, NOW) is None


def test_the_digest_text_has_headings_and_one_line_per_task() -> None:
    overdue = task(1, "Send the report", due=on(date(2026, 3, 23)))
    notice = compose_digest(ANA, material([overdue]), PEOPLE, NOW)
    assert notice is not None
    assert notice.text == ("Your digest for Tue 24 Mar\n\n"
                           "Overdue (1)\n• T-1 Send the report · @ana · due Mon 23 Mar · open")
    assert notice.kind == "digest" and notice.recipient_id == 1 and notice.card is None
    assert notice.dedupe_key == "digest:1:2026-03-24"


def test_the_dedupe_key_uses_the_readers_local_date() -> None:
    tokyo = person(1, tz="Asia/Tokyo")
    notice = compose_digest(tokyo, material([task(1, "X", due=on(date(2026, 3, 20)))]),
                            {1: tokyo}, datetime(2026, 3, 23, 23, 0, tzinfo=UTC))
    assert notice is not None and notice.dedupe_key == "digest:1:2026-03-24"


def test_overdue_and_due_today_items_offer_done_snooze_and_propose() -> None:
    owned = [task(1, "A", due=on(date(2026, 3, 23))), task(2, "B", due=on(TODAY)),
             task(3, "C", due=on(date(2026, 3, 26)))]
    notice = compose_digest(ANA, material(owned), PEOPLE, NOW)
    assert notice is not None
    assert [a.command.split()[1:3] for a in notice.actions] == [
        ["done", "T-1"], ["snooze", "T-1"], ["propose", "T-1"], ["done", "T-2"], ["snooze", "T-2"], ["propose", "T-2"]]
    assert notice.actions[0].label == "Done T-1"


def test_a_long_digest_keeps_to_fifteen_actions_and_shortens_sections() -> None:
    owned = [task(n, f"Task {n}", due=on(TODAY - timedelta(days=1))) for n in range(1, 26)]
    notice = compose_digest(ANA, material(owned), PEOPLE, NOW)
    assert notice is not None
    assert len(notice.actions) == 15
    assert notice.text.endswith("… and 5 more")


def test_this_week_is_the_calendar_week_monday_to_sunday_in_the_readers_zone() -> None:
    sunday = task(1, "Sunday", due=on(date(2026, 3, 29)))
    monday = task(2, "Next Monday", due=on(date(2026, 3, 30)))
    sections = digest_sections(ANA, material(owned=[sunday, monday]), NOW)
    assert [t.title for t in sections["Due this week"]] == ["Sunday"]


def test_a_task_due_at_the_minute_the_digest_is_sent_is_not_yet_overdue() -> None:
    now = task(1, "Stand-up notes", due=at(NOW, "Europe/Berlin"))
    sections = digest_sections(ANA, material(owned=[now]), NOW + timedelta(seconds=30))
    assert "Overdue" not in sections and [t.title for t in sections["Due today"]] == ["Stand-up notes"]
