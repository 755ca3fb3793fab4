"""Workspaces and people survive a round trip, and people are found by what others call them."""

from __future__ import annotations

from datetime import date, time

from core.people import Person, Role, Workspace
from storage.uow import SqlUnitOfWorkFactory
from tests.storage.builders import add_person, add_workspace


def test_a_workspace_round_trips_and_is_found_by_its_platform_id(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        added = uow.workspaces.add(
            Workspace(
                platform="slack",
                external_id="T9",
                name="Acme",
                default_tz="Europe/Madrid",
                holiday_country="ES",
            )
        )
        uow.commit()
    with uow_factory() as uow:
        assert added.id is not None
        assert uow.workspaces.get(added.id) == added
        assert uow.workspaces.by_external("slack", "T9") == added
        assert uow.workspaces.by_external("discord", "T9") is None


def test_saving_a_workspace_keeps_its_changes(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        workspace.name = "Renamed"
        workspace.default_tz = "Asia/Tokyo"
        uow.workspaces.save(workspace)
        uow.commit()
    with uow_factory() as uow:
        assert workspace.id is not None
        assert uow.workspaces.get(workspace.id) == workspace


def test_a_person_with_every_field_set_round_trips(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        assert workspace.id is not None
        person = uow.people.add(
            Person(
                workspace_id=workspace.id,
                display_name="Ana María",
                handle="ana.maría",
                tz="America/Mexico_City",
                role=Role.GUEST,
                external=True,
                working_days=frozenset({0, 2, 4, 6}),
                work_start=time(7, 45),
                work_end=time(16, 15),
                digest_time=time(8, 30),
                digest_enabled=False,
                lang="es",
                holiday_country="MX",
                away_until=date(2025, 4, 1),
                identities={"slack": "U1", "console": "ana"},
            )
        )
        uow.commit()
    with uow_factory() as uow:
        assert person.id is not None
        assert uow.people.get(person.id) == person


def test_a_person_is_found_by_a_linked_identity(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        uow.people.link_identity(ana, "discord", "123")
        uow.commit()
    with uow_factory() as uow:
        assert workspace.id is not None
        found = uow.people.by_identity(workspace.id, "discord", "123")
        assert found == ana
        assert found is not None and found.identities == {"discord": "123"}
        assert uow.people.by_identity(workspace.id, "slack", "123") is None


def test_many_returns_people_by_id_and_ignores_unknown_ids(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "Ana")
        bo = add_person(uow, workspace, "Bo")
        assert ana.id is not None and bo.id is not None
        assert uow.people.many([ana.id, bo.id, 9999]) == {ana.id: ana, bo.id: bo}
        assert uow.people.many([]) == {}


def test_find_matches_handle_or_display_name_ignoring_case_and_at_sign(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        by_name = add_person(uow, workspace, "Sam", handle="sam.k")
        by_handle = add_person(uow, workspace, "Samuel Ortiz", handle="sam")
        add_person(uow, workspace, "Samantha", handle="samantha")
        assert workspace.id is not None
        assert uow.people.find(workspace.id, "@SAM") == [by_handle, by_name]
        assert uow.people.find(workspace.id, "samuel ortiz") == [by_handle]
        assert uow.people.find(workspace.id, "nobody") == []
        assert uow.people.find(workspace.id, " @ ") == []


def test_find_offers_word_prefixes_only_when_nobody_has_exactly_that_handle(
    uow_factory: SqlUnitOfWorkFactory,
) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        dotted = add_person(uow, workspace, "ana.m", handle="ana.m")
        underscored = add_person(uow, workspace, "ana_p", handle="ana_p")
        by_first_name = add_person(uow, workspace, "Ana Ruiz", handle="aruiz")
        add_person(uow, workspace, "Anabel", handle="anabel")
        add_person(uow, workspace, "Banana", handle="banana.split")
        assert workspace.id is not None
        assert uow.people.find(workspace.id, "@ana") == [dotted, underscored, by_first_name]
        exact = add_person(uow, workspace, "Ana", handle="ana")
        assert uow.people.find(workspace.id, "@ana") == [exact]
        assert uow.people.find(workspace.id, "an") == []
        assert uow.people.find(workspace.id, "%") == []
        assert uow.people.find(workspace.id, "ana%") == []


def test_find_folds_case_beyond_ascii(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        workspace = add_workspace(uow)
        ana = add_person(uow, workspace, "ANA MARÍA", handle="ana.maría")
        assert workspace.id is not None
        assert uow.people.find(workspace.id, "Ana María") == [ana]
        assert uow.people.find(workspace.id, "@ANA.MARÍA") == [ana]


def test_people_are_never_found_across_workspaces(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        first = add_workspace(uow, "T1")
        second = add_workspace(uow, "T2")
        add_person(uow, first, "Ana")
        uow.people.link_identity(add_person(uow, first, "Bo"), "slack", "U7")
        assert second.id is not None
        assert uow.people.find(second.id, "ana") == []
        assert uow.people.by_identity(second.id, "slack", "U7") is None


def test_saving_a_person_keeps_their_new_settings(uow_factory: SqlUnitOfWorkFactory) -> None:
    with uow_factory() as uow:
        person = add_person(uow, add_workspace(uow), "Ana")
        person.tz = "Asia/Kolkata"
        person.working_days = frozenset({1, 2, 3})
        person.away_until = date(2025, 12, 24)
        person.handle = "ANA2"
        uow.people.save(person)
        uow.commit()
    with uow_factory() as uow:
        assert person.id is not None
        assert uow.people.get(person.id) == person
        assert uow.people.find(person.workspace_id, "ana2") == [person]
