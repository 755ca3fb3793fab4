"""TaskQuery: what each viewer may see, the filters, and the order of the answer."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, event

from core.due import Due
from core.people import Person, Role
from core.ports import TaskQuery
from core.tasks import Agreement, Origin, Status, Task, Visibility
from storage.uow import SqlUnitOfWork, SqlUnitOfWorkFactory
from tests.storage.builders import add_person, add_task, add_workspace


def numbers(tasks: list[Task]) -> list[int]:
    return [task.number for task in tasks]


def query(uow: SqlUnitOfWork, viewer: Person, **filters: Any) -> list[int]:
    return numbers(uow.tasks.query(TaskQuery(workspace_id=viewer.workspace_id, viewer=viewer, **filters)))


def test_a_guest_sees_only_tasks_they_ask_for_own_or_watch(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        guest = add_person(uow, workspace, "Gus", role=Role.GUEST)
        assert guest.id is not None
        add_task(uow, ana, bo)
        add_task(uow, guest, ana)
        add_task(uow, ana, guest)
        add_task(uow, ana, bo, watchers={guest.id})
        add_task(uow, ana, bo, visibility=Visibility.PRIVATE)
        assert query(uow, guest) == [2, 3, 4]


def test_someone_from_another_organisation_is_limited_like_a_guest(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        partner = add_person(uow, workspace, "Pat", external=True)
        add_task(uow, ana)
        add_task(uow, ana, partner)
        assert query(uow, partner) == [2]


def test_a_member_sees_everything_except_other_peoples_private_tasks(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo, cy = (add_person(uow, workspace, name) for name in ("Ana", "Bo", "Cy"))
        assert cy.id is not None
        add_task(uow, ana, bo)
        add_task(uow, ana, bo, visibility=Visibility.PRIVATE)
        add_task(uow, ana, cy, visibility=Visibility.PRIVATE)
        add_task(uow, ana, bo, visibility=Visibility.PRIVATE, watchers={cy.id})
        assert query(uow, cy) == [1, 3, 4]
        assert query(uow, bo) == [1, 2, 4]


def test_nothing_crosses_workspaces(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        first, second = add_workspace(uow, "T1"), add_workspace(uow, "T2")
        ana = add_person(uow, first, "Ana", role=Role.ADMIN)
        bo = add_person(uow, second, "Bo")
        add_task(uow, ana)
        add_task(uow, bo)
        assert first.id is not None
        assert query(uow, ana) == [1]
        assert numbers(uow.tasks.query(TaskQuery(workspace_id=first.id, viewer=bo))) == []


def test_filters_by_owner_requester_and_agreement(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        add_task(uow, ana, bo, agreement=Agreement.REQUESTED)
        add_task(uow, bo, ana, agreement=Agreement.PROPOSED)
        add_task(uow, ana, ana)
        assert query(uow, ana, owner_id=bo.id) == [1]
        assert query(uow, ana, requester_id=ana.id) == [1, 3]
        assert query(uow, ana, exclude_owner_id=ana.id) == [1]
        assert query(uow, ana, agreements=(Agreement.REQUESTED, Agreement.PROPOSED)) == [1, 2]


def test_closed_tasks_show_only_when_asked_for(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        for status in (Status.OPEN, Status.DONE, Status.CANCELLED, Status.BLOCKED):
            add_task(uow, ana, status=status)
        assert query(uow, ana) == [1, 4]
        assert query(uow, ana, open_only=False) == [1, 2, 3, 4]


def test_filters_by_project_and_conversation(uow_factory: SqlUnitOfWorkFactory) -> None:
    from core.projects import Project
    from tests.storage.builders import NOW

    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        project = uow.projects.add(Project(workspace_id=ana.workspace_id, name="Launch", created_at=NOW))
        add_task(uow, ana, project_id=project.id)
        add_task(uow, ana, origin=Origin(conversation="C1"))
        add_task(uow, ana, origin=Origin(conversation="C2"))
        assert query(uow, ana, project_id=project.id) == [1]
        assert query(uow, ana, conversation="C2") == [3]


def test_due_before_compares_the_real_deadline_of_dates_and_instants(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        # Friday in Tokyo ends at 15:00 UTC; Friday in Los Angeles ends Saturday 07:00 UTC.
        add_task(uow, ana, due=Due.date_(date(2025, 3, 14), "Asia/Tokyo"))
        add_task(uow, ana, due=Due.date_(date(2025, 3, 14), "America/Los_Angeles"))
        add_task(uow, ana, due=Due.instant(datetime(2025, 3, 14, 20, 0, tzinfo=UTC), "UTC"))
        add_task(uow, ana)
        assert query(uow, ana, due_before=datetime(2025, 3, 14, 16, 0, tzinfo=UTC)) == [1]
        assert query(uow, ana, due_before=datetime(2025, 3, 14, 21, 0, tzinfo=UTC)) == [1, 3]
        assert query(uow, ana, due_before=datetime(2025, 3, 15, 8, 0, tzinfo=UTC)) == [1, 3, 2]


def test_tasks_with_a_due_come_first_in_deadline_order_then_by_number(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        add_task(uow, ana)
        add_task(uow, ana, due=Due.date_(date(2025, 3, 20), "UTC"))
        add_task(uow, ana, due=Due.instant(datetime(2025, 3, 20, 9, 0, tzinfo=UTC), "UTC"))
        add_task(uow, ana)
        add_task(uow, ana, due=Due.date_(date(2025, 3, 18), "UTC"))
        assert query(uow, ana) == [5, 3, 2, 1, 4]
        assert query(uow, ana, limit=2) == [5, 3]


def test_text_search_ignores_case_and_takes_wildcards_literally(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        ana = add_person(uow, add_workspace(uow), "Ana")
        add_task(uow, ana, title="Send the Q3 REPORT")
        add_task(uow, ana, title="Budget", notes="see the report draft")
        add_task(uow, ana, title="Raise prices 10% now")
        add_task(uow, ana, title="Raise prices 100 now")
        add_task(uow, ana, title="fix snake_case names")
        add_task(uow, ana, title="fix snakeXcase names")
        assert query(uow, ana, text="report") == [1, 2]
        assert query(uow, ana, text="10%") == [3]
        assert query(uow, ana, text="snake_case") == [5]


def test_watchers_come_back_with_queried_tasks(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert bo.id is not None
        add_task(uow, ana, watchers={bo.id})
        add_task(uow, ana)
        found = uow.tasks.query(TaskQuery(workspace_id=ana.workspace_id, viewer=ana))
        assert [task.watchers for task in found] == [{bo.id}, set()]


def test_a_query_loads_watchers_of_all_tasks_in_one_extra_select(
    uow_factory: SqlUnitOfWorkFactory, engine: Engine
) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana, bo = add_person(uow, workspace, "Ana"), add_person(uow, workspace, "Bo")
        assert bo.id is not None
        for _ in range(5):
            add_task(uow, ana, watchers={bo.id})
        selects: list[str] = []

        def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                selects.append(statement)

        event.listen(engine, "before_cursor_execute", remember)
        try:
            found = uow.tasks.query(TaskQuery(workspace_id=ana.workspace_id, viewer=ana))
        finally:
            event.remove(engine, "before_cursor_execute", remember)
    assert len(found) == 5
    assert len(selects) == 2
