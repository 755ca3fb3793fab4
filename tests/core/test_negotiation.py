"""The negotiation state machine on its own."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core import negotiation
from core.due import Due
from core.errors import Conflict
from core.tasks import Agreement, Status, Task

NOW = datetime(2026, 3, 26, 12, tzinfo=UTC)
FRIDAY = Due.date_(date(2026, 3, 27), "Europe/Berlin")
TUESDAY = Due.date_(date(2026, 3, 31), "Europe/Berlin")


def _request() -> Task:
    task = Task(1, 1, "t", 1, 2, NOW, NOW, due=FRIDAY)
    task.agreement = negotiation.opening_agreement(task)
    return task


def test_a_task_for_someone_else_opens_as_a_request_and_for_oneself_as_committed() -> None:
    assert _request().agreement is Agreement.REQUESTED
    own = Task(1, 2, "t", 1, 1, NOW, NOW)
    assert negotiation.opening_agreement(own) is Agreement.COMMITTED


def test_a_proposal_keeps_the_old_date_until_the_requester_accepts() -> None:
    task = _request()
    negotiation.owner_proposes(task, TUESDAY)
    assert task.agreement is Agreement.PROPOSED and task.due == FRIDAY
    assert negotiation.requester_accepts(task) == TUESDAY
    assert task.agreement is Agreement.COMMITTED and task.due == TUESDAY and task.proposed_due is None


def test_a_counter_goes_back_to_the_owner_with_the_new_date() -> None:
    task = _request()
    negotiation.owner_proposes(task, TUESDAY)
    negotiation.requester_counters(task, FRIDAY)
    assert task.agreement is Agreement.REQUESTED and task.due == FRIDAY
    negotiation.owner_accepts(task)
    assert task.agreement is Agreement.COMMITTED


def test_the_owner_cannot_accept_their_own_proposal() -> None:
    task = _request()
    negotiation.owner_proposes(task, TUESDAY)
    with pytest.raises(Conflict):
        negotiation.owner_accepts(task)


def test_nothing_is_negotiated_on_a_closed_task() -> None:
    task = _request()
    task.status = Status.DONE
    with pytest.raises(Conflict, match="Reopen"):
        negotiation.owner_accepts(task)


def test_there_is_nothing_to_accept_without_a_proposal() -> None:
    with pytest.raises(Conflict):
        negotiation.requester_accepts(_request())


def test_a_declined_request_can_still_be_accepted_when_the_owner_changes_their_mind() -> None:
    task = _request()
    negotiation.owner_declines(task)
    negotiation.owner_accepts(task)
    assert task.agreement is Agreement.COMMITTED
