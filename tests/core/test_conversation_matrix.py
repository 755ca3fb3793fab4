"""The permission matrix with its conversation dimension, through the real bus on SQLite and PostgreSQL: public
channel / private channel / group DM / DM × in or out of it × member / guest / external / admin × every act and
every view. A task someone may not see answers exactly like a task that doesn't exist."""
from __future__ import annotations

from itertools import product

import pytest

from adapters.common.grammar import parse_command
from core import commands as c
from core.bus import Bus
from core.conversations import ConversationFacts, ConversationKind, MembershipChange
from core.errors import DomainError
from core.identity import Identity
from core.membership import everyone_there_sees
from core.people import Person, Role

KINDS = (ConversationKind.PUBLIC, ConversationKind.PRIVATE, ConversationKind.GROUP, ConversationKind.DM)
ROLES = {"member": (Role.MEMBER, False), "guest": (Role.GUEST, False), "external": (Role.MEMBER, True),
         "admin": (Role.ADMIN, False)}
VIEWERS = [f"{role}-{side}" for role, side in product(ROLES, ("in", "out"))]
ROOM = "C-room"


class World:
    """One workspace: @alice asked @bob in ROOM for a task in the public project #ops; the viewers look on."""

    def __init__(self, bus: Bus, kind: ConversationKind) -> None:
        self.bus = bus
        for name in ("alice", "bob", *VIEWERS):
            role, external = ROLES.get(name.split("-")[0], (Role.MEMBER, False))
            bus.whois(Identity("console", "acme", "acme", name, name, role=role, external=external, handle=name))
        members = {"alice", "bob", *(v for v in VIEWERS if v.endswith("-in"))}
        bus.record_conversation(ConversationFacts("console", "acme", "acme", ROOM, kind, members=frozenset(members)))
        asked = self.say("alice", "/task add @bob prepare the layoff list for Q3 by 2026-03-01 #ops")
        assert "in the past" in asked
        assert "Created T-1" in self.say("alice", "/task confirm 1 2026-03-01")  # kept: it is overdue

    def say(self, name: str, line: str, where: str | None = ROOM) -> str:
        return say(self.bus, name, line, where)


def say(bus: Bus, name: str, line: str, where: str | None) -> str:
    """`line` said by `name` in conversation `where`: the reply's text, or the error a person would read."""
    speaker = bus.identify(Identity("console", "acme", "acme", name, name, handle=name), conversation=where)
    command = parse_command(line)
    assert isinstance(command, c.Command)
    try:
        reply = bus.execute(command, speaker).reply
    except DomainError as error:
        return error.user_message
    return reply.text + " ".join(card.ref or "" for card in reply.cards)


def _sees(viewer: str, kind: ConversationKind) -> bool:
    role, side = viewer.split("-")
    return role not in ("guest", "external") and (kind.is_public or side == "in")


@pytest.fixture(params=KINDS, ids=[k.name.lower() for k in KINDS])
def world(request: pytest.FixtureRequest, bus: Bus) -> World:
    return World(bus, request.param)


def test_every_view_shows_the_task_exactly_to_those_who_may_see_it(world: World) -> None:
    for viewer in VIEWERS:
        sees = _sees(viewer, _kind(world))
        views = {
            "all": world.say(viewer, "/task list all", where=None),
            "search": world.say(viewer, "/task list search layoff", where=None),
            "overdue": world.say(viewer, "/task list overdue", where=None),
            "project": world.say(viewer, "/task list project ops", where=None),
            "here": world.say(viewer, "/task list here"),
        }
        for view, text in views.items():
            assert ("T-1 " in text) is sees, (viewer, view, text)
        status = world.say(viewer, "/task project status ops")
        assert ("1 open" in status) is sees, (viewer, status)
        suggested = _suggest(world, viewer, "layoff") + _suggest(world, viewer, "T-1")
        assert ("T-1" in suggested) is sees, (viewer, suggested)


def test_every_act_is_allowed_exactly_as_the_policy_says_and_hidden_tasks_look_missing(world: World) -> None:
    missing = world.say("alice", "/task show T-99").replace("T-99", "T-1")
    for viewer in VIEWERS:
        sees, admin = _sees(viewer, _kind(world)), viewer.startswith("admin")
        answers = {
            "show": world.say(viewer, "/task show T-1"),
            "comment": world.say(viewer, "/task comment T-1 noted"),
            "edit": world.say(viewer, "/task start T-1"),
            "answer": world.say(viewer, "/task accept T-1"),
            "share": world.say(viewer, "/task visibility T-1 private"),
            "watch": world.say(viewer, "/task watch T-1"),
        }
        if not sees:
            assert all(answer == missing for answer in answers.values()), (viewer, answers)
            continue
        assert "prepare the layoff list" in answers["show"]
        assert "Only the owner of T-1" in answers["answer"]
        assert ("Only the owner or the requester" in answers["edit"]) is not admin, answers["edit"]
        assert ("can change who sees it" in answers["share"]) is not admin, answers["share"]
        if admin:  # the admin narrowed it: put it back for the next viewer
            world.say("alice", "/task visibility T-1 " + ("workspace" if _kind(world).is_public else "conversation"))
        assert "Only" not in answers["comment"] + answers["watch"]


def test_participants_always_see_and_the_requester_may_narrow_it_to_them(world: World) -> None:
    assert "prepare the layoff list" in world.say("bob", "/task show T-1", where=None)
    assert "now visible to only the people taking part" in world.say("alice", "/task visibility T-1 private")
    for viewer in VIEWERS:
        assert "layoff" not in world.say(viewer, "/task list all", where=None)
    assert "changed who sees it" in world.say("alice", "/task show T-1")
    assert "prepare the layoff list" in world.say("bob", "/task show T-1")


def _suggest(world: World, viewer: str, text: str) -> str:
    speaker = world.bus.identify(Identity("console", "acme", "acme", viewer, viewer, handle=viewer))
    reply = world.bus.execute(c.SuggestTasks(text), speaker).reply
    return " ".join(card.ref or "" for card in reply.cards)


def _kind(world: World) -> ConversationKind:
    with world.bus.uow_factory() as uow:
        workspace = uow.workspaces.by_external("console", "acme")
        found = uow.conversations.get(workspace.id or 0 if workspace else 0, ROOM)
    assert found is not None
    return found.kind


def test_a_channel_may_be_shown_a_task_only_when_everyone_in_it_may_see_it(bus: Bus) -> None:
    for name, role in (("alice", Role.MEMBER), ("bob", Role.MEMBER), ("gus", Role.GUEST)):
        bus.whois(Identity("console", "acme", "acme", name, name, role=role, handle=name))
    rooms = {"C-pub": ConversationKind.PUBLIC, "G-hr": ConversationKind.PRIVATE}
    for room, kind in rooms.items():
        bus.record_conversation(ConversationFacts("console", "acme", "acme", room, kind,
                                                  members=frozenset({"alice", "bob"})))
    say(bus, "alice", "/task add @bob fix the boiler", "C-pub")
    say(bus, "alice", "/task add @bob prepare the layoff list", "G-hr")
    say(bus, "alice", "/task add --private @bob plan the party", "C-pub")

    def shown(number: int, room: str) -> bool:
        with bus.uow_factory() as uow:
            workspace = uow.workspaces.by_external("console", "acme")
            task = uow.tasks.get(workspace.id or 0 if workspace else 0, number)
            assert task is not None
            return everyone_there_sees(uow, task, room, uow.people.get(task.requester_id) or _nobody())

    assert shown(1, "C-pub") and shown(1, "G-hr") and shown(2, "G-hr")
    assert not shown(2, "C-pub") and not shown(3, "C-pub")
    bus.change_membership(MembershipChange("console", "acme", "C-pub", "gus"))
    assert not shown(1, "C-pub")


def _nobody() -> Person:
    return Person(0, "", "")
