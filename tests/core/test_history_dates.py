"""Old history dates: read in their writer's zone, placed in the year whose weekday matches."""
from __future__ import annotations

from datetime import UTC, datetime

from core.history_dates import marked_history
from core.wording import history_text

WRITTEN = datetime(2026, 12, 28, 9, 0, tzinfo=UTC)


def test_a_date_without_a_year_is_placed_in_the_year_its_weekday_names() -> None:
    marked = marked_history("due", "Fri 1 Jan", "Europe/Berlin", WRITTEN)
    assert marked == "{due:2027-01-01|Europe/Berlin}"
    assert history_text(marked, "America/New_York", WRITTEN) == "Fri 1 Jan 2027"


def test_a_time_is_the_writers_wall_clock_and_reads_in_the_readers_zone() -> None:
    marked = marked_history("snoozed until", "Wed 30 Dec 08:30", "Europe/Berlin", WRITTEN)
    assert history_text(marked, "Asia/Tokyo", WRITTEN) == "Wed 30 Dec 16:30"


def test_a_given_year_is_kept_and_free_text_verbs_are_left_alone() -> None:
    assert history_text(marked_history("proposed", "Fri 15 Jan 2027 10:00 after the audit", "UTC", WRITTEN),
                        "UTC", WRITTEN) == "Fri 15 Jan 2027 10:00 after the audit"
    assert marked_history("commented", "Fri 1 Jan", "UTC", WRITTEN) == "Fri 1 Jan"
    assert marked_history("due", "Mon 1 Jan", "UTC", WRITTEN) == "Mon 1 Jan"  # no nearby year fits: kept as is
