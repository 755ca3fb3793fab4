"""The weekly project digest: progress, slipped, upcoming and unanswered work."""
from __future__ import annotations

from datetime import date

from core.schedule.digest import compose_project_digest
from core.tasks import Agreement, Status
from tests.schedule.builders import local, on, person, task

BOB, ALICE = person(1, "bob"), person(2, "alice")
PEOPLE = {1: BOB, 2: ALICE}
MONDAY = local("Europe/Berlin", 2026, 3, 23, 9, 0)


def test_a_project_digest_shows_progress_slipped_upcoming_and_unanswered_work() -> None:
    tasks = [
        task(1, "Shipped", status=Status.DONE),
        task(2, "Dropped", status=Status.CANCELLED),
        task(3, "Late", requester=2, due=on(date(2026, 3, 20))),
        task(4, "Soon", due=on(date(2026, 3, 26))),
        task(5, "Far", due=on(date(2026, 5, 1))),
        task(6, "Asked", requester=2, agreement=Agreement.REQUESTED, due=on(date(2026, 3, 27))),
    ]
    text = compose_project_digest("Launch", tasks, PEOPLE, MONDAY, "Europe/Berlin")
    assert text is not None
    assert text.startswith("Weekly digest · Launch\nProgress: 1 of 5 done (20%)")
    assert "Slipped (1)\n• T-3 Late · @bob · due Fri 20 Mar · committed" in text
    assert "Due in the next 7 days (1)\n• T-4 Soon" in text
    assert "Waiting for an answer (1)\n• T-6 Asked · @bob · due Fri 27 Mar · waiting for an answer" in text
    assert "T-5" not in text


def test_a_project_without_open_tasks_has_no_digest() -> None:
    assert compose_project_digest("Done", [task(1, "X", status=Status.DONE)], PEOPLE, MONDAY, "UTC") is None
    assert compose_project_digest("Empty", [], PEOPLE, MONDAY, "UTC") is None


def test_empty_sections_are_left_out_of_the_project_digest() -> None:
    text = compose_project_digest("Quiet", [task(1, "Someday")], PEOPLE, MONDAY, "UTC")
    assert text == "Weekly digest · Quiet\nProgress: 0 of 1 done (0%)"
