"""Dialogs about who sees what: guests see only their own work; workspaces never meet."""
from __future__ import annotations

from collections.abc import Callable

from core.people import Role
from storage.uow import SqlUnitOfWorkFactory
from tests.harness import ChatHarness


def _make_guest(uow_factory: SqlUnitOfWorkFactory, handle: str) -> None:
    with uow_factory() as uow:
        workspace = uow.workspaces.by_external("console", "acme")
        assert workspace is not None
        person = uow.people.find(workspace.id or 0, handle)[0]
        person.role = Role.GUEST
        uow.people.save(person)
        uow.commit()


def test_a_guest_sees_and_touches_only_their_own_tasks(chat: ChatHarness, uow_factory: SqlUnitOfWorkFactory) -> None:
    chat.say("@gus: hello")
    _make_guest(uow_factory, "gus")
    chat.say("@alice: /task add @bob prepare the board deck by friday")
    chat.say("@alice: /task add @gus translate the brochure by friday")
    listing = chat.reply("@gus: /task list all")
    assert "T-2 translate the brochure" in listing and "T-1" not in listing
    assert "I can't find T-1" in chat.reply("@gus: /task show T-1")
    assert "I can't find T-1" in chat.reply("@gus: /task comment T-1 sneaky")
    assert "You committed to T-2" in chat.reply("@gus: /task accept T-2")


def test_private_tasks_stay_between_the_people_involved(chat: ChatHarness) -> None:
    chat.say("@alice: /task add --private @bob plan the surprise party by friday")
    assert "T-1" in chat.reply("@bob: /task list mine")
    assert "nothing here" in chat.reply("@carol: /task list all")
    assert "I can't find T-1" in chat.reply("@carol: /task show T-1")


def test_two_workspaces_never_see_each_other(chat: ChatHarness, other_room: Callable[[str], ChatHarness]) -> None:
    chat.say("@alice: /task add @bob ship the release by friday")
    globex = other_room("globex")
    globex.say("@alice: hello")
    assert "nothing here" in globex.reply("@alice: /task list all")
    assert "I can't find T-1" in globex.reply("@alice: /task done T-1")
    assert "I don't know @bob here" in globex.reply("@alice: /task add @bob spy on acme")
    assert "Created T-1" in globex.reply("@alice: /task add count the chairs")
    assert "ship the release" in chat.reply("@alice: /task show T-1")
