"""Following up requests and proposals: nudges in working hours, escalation after M, slipped commitments."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from core.schedule.followups import follow_up_notices, overdue_commitment_notices, plan_follow_up
from core.schedule.policy import NoHolidays, SchedulePolicy
from core.tasks import Agreement, Status, Task
from tests.schedule.builders import at, on, person, task

NONE = NoHolidays()
POLICY = SchedulePolicy(follow_up_after_hours=4, escalate_after_nudges=2)
BOB = person(1, "bob")
ALICE = person(2, "alice")
BOSS = person(3, "boss")
FIRE = datetime(2026, 3, 23, 13, 0, tzinfo=UTC)


def asked(**changes: Any) -> Task:
    fields: dict[str, Any] = {"agreement": Agreement.REQUESTED, "due": on(date(2026, 3, 27))}
    return task(owner=1, requester=2, **(fields | changes))


def test_an_unanswered_request_is_followed_up_after_working_hours_of_the_owner() -> None:
    friday_afternoon = datetime(2026, 3, 20, 15, 0, tzinfo=UTC)
    assert plan_follow_up(asked(), BOB, friday_afternoon, POLICY, NONE) == datetime(2026, 3, 23, 10, 30, tzinfo=UTC)


def test_a_proposal_is_followed_up_in_the_requesters_working_hours() -> None:
    alice_in_new_york = person(2, "alice", tz="America/New_York")
    proposed = asked(agreement=Agreement.PROPOSED, proposed_due=on(date(2026, 3, 31)))
    since = datetime(2026, 3, 23, 13, 0, tzinfo=UTC)  # 09:00 in New York
    assert plan_follow_up(proposed, alice_in_new_york, since, POLICY, NONE) == datetime(2026, 3, 23, 17, 0, tzinfo=UTC)


def test_committed_declined_or_closed_tasks_are_not_followed_up() -> None:
    for settled in (asked(agreement=Agreement.COMMITTED), asked(agreement=Agreement.DECLINED),
                    asked(status=Status.CANCELLED)):
        assert plan_follow_up(settled, BOB, FIRE, POLICY, NONE) is None
        assert follow_up_notices(settled, BOB, ALICE, POLICY, FIRE) == []


def test_the_first_follow_up_nudges_the_owner_to_answer() -> None:
    [nudge] = follow_up_notices(asked(), BOB, ALICE, POLICY, FIRE)
    assert nudge.kind == "nudge" and nudge.recipient_id == 1
    assert nudge.text.startswith("Still waiting for your answer on T-3 Send the report")
    assert "asked by @alice on Fri 20 Mar" in nudge.text
    assert [a.verb for a in nudge.actions] == ["accept", "commit", "decline"]
    assert nudge.dedupe_key == f"nudge:30:0:{FIRE.isoformat()}"


def test_a_proposal_nudges_the_requester_to_settle_it() -> None:
    proposed = asked(agreement=Agreement.PROPOSED, proposed_due=on(date(2026, 3, 31)))
    [nudge] = follow_up_notices(proposed, BOB, ALICE, POLICY, FIRE)
    assert nudge.kind == "nudge" and nudge.recipient_id == 2
    assert "@bob proposed Tue 31 Mar instead of Fri 27 Mar" in nudge.text
    assert nudge.actions[0].label == "Accept Tue 31 Mar"


def test_each_nudge_has_its_own_dedupe_key() -> None:
    keys = {follow_up_notices(asked(nudges=n), BOB, ALICE, POLICY, FIRE)[0].dedupe_key for n in range(2)}
    assert len(keys) == 2


def test_after_m_nudges_the_requester_hears_about_it_instead() -> None:
    [escalation] = follow_up_notices(asked(nudges=2), BOB, ALICE, POLICY, FIRE)
    assert escalation.kind == "escalation" and escalation.recipient_id == 2
    assert escalation.text == ("@bob hasn't answered T-3 Send the report after 2 reminders. "
                               "Reassign it (/task assign T-3 @name), change the date, or cancel it.")
    assert [a.verb for a in escalation.actions] == ["assign", "due", "cancel"]
    assert escalation.dedupe_key == "escalation:30:requested"


def test_an_unsettled_proposal_escalates_to_the_owner() -> None:
    proposed = asked(agreement=Agreement.PROPOSED, proposed_due=on(date(2026, 3, 31)), nudges=2)
    [escalation] = follow_up_notices(proposed, BOB, ALICE, POLICY, FIRE)
    assert escalation.recipient_id == 1 and escalation.dedupe_key == "escalation:30:proposed"
    assert escalation.text.startswith("@alice hasn't answered your proposed date (Tue 31 Mar)")


def test_with_zero_allowed_nudges_the_first_follow_up_escalates() -> None:
    [notice] = follow_up_notices(asked(), BOB, ALICE, SchedulePolicy(escalate_after_nudges=0), FIRE)
    assert notice.kind == "escalation" and "after 0 reminders" in notice.text


def test_a_slipped_commitment_tells_the_requester_once() -> None:
    slipped = asked(agreement=Agreement.COMMITTED)
    [notice] = overdue_commitment_notices(slipped, BOB, ALICE, BOSS, POLICY)
    assert notice.kind == "slipped" and notice.recipient_id == 2
    assert notice.dedupe_key == "slipped:30:2026-03-27"
    assert "@bob committed to Fri 27 Mar" in notice.text


def test_a_slipped_commitment_tells_the_project_owner_when_configured() -> None:
    slipped = asked(agreement=Agreement.COMMITTED, due=at(datetime(2026, 3, 27, 15, 0, tzinfo=UTC)))
    notices = overdue_commitment_notices(slipped, BOB, ALICE, BOSS, SchedulePolicy(tell_project_owner=True))
    assert [n.recipient_id for n in notices] == [2, 3]
    assert notices[1].dedupe_key == "slipped:30:2026-03-27T15:00:00+00:00:3"


def test_the_project_owner_is_not_told_twice_when_they_asked_for_it() -> None:
    slipped = asked(agreement=Agreement.COMMITTED)
    notices = overdue_commitment_notices(slipped, BOB, ALICE, ALICE, SchedulePolicy(tell_project_owner=True))
    assert [n.recipient_id for n in notices] == [2]


def test_own_work_or_uncommitted_requests_do_not_count_as_slipped_commitments() -> None:
    own = task(due=on(date(2026, 3, 27)))
    assert overdue_commitment_notices(own, BOB, BOB, None, POLICY) == []
    assert overdue_commitment_notices(asked(), BOB, ALICE, None, POLICY) == []
