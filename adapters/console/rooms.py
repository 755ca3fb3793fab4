"""Console rooms: public and private conversations in the terminal, and who is in them, told to the core."""
from __future__ import annotations

from dataclasses import dataclass, field

from core.bus import Bus
from core.conversations import ConversationFacts, ConversationKind
from core.people import Role

KINDS = {"public": ConversationKind.PUBLIC, "private": ConversationKind.PRIVATE, "thread": ConversationKind.THREAD,
         "group": ConversationKind.GROUP, "dm": ConversationKind.DM}
ROLES = {"member": (Role.MEMBER, False), "guest": (Role.GUEST, False), "admin": (Role.ADMIN, False),
         "external": (Role.MEMBER, True)}
ROOM_NAME_LIMIT = 60


@dataclass
class Rooms:
    """Every room of one console workspace. Whoever speaks in a public room is in it; private rooms hold their
    creator and whoever is added with `:join`."""

    bus: Bus
    workspace: str
    kinds: dict[str, ConversationKind] = field(default_factory=lambda: {"console": ConversationKind.PUBLIC})
    members: dict[str, set[str]] = field(default_factory=dict)

    def spoke(self, room: str, user: str) -> None:
        if self.kinds[room].is_public and user not in self.members.setdefault(room, set()):
            self.members[room].add(user)
            self._record(room)

    def open(self, room: str, kind: ConversationKind | None, creator: str) -> str:
        """Go to `room`, made with `kind` (public by default) and `creator` in it when it is new."""
        if room in self.kinds:
            return f"You are in #{room} ({self.kinds[room]})."
        self.kinds[room] = kind or ConversationKind.PUBLIC
        self.members[room] = {creator}
        self._record(room)
        return f"Made #{room} ({self.kinds[room]}) with @{creator} in it. Add people with :join @name."

    def join(self, room: str, user: str, joined: bool = True) -> str:
        present = self.members.setdefault(room, set())
        if joined:
            present.add(user)
        else:
            present.discard(user)
        self._record(room)
        return f"@{user} {'joined' if joined else 'left'} #{room}."

    def _record(self, room: str) -> None:
        self.bus.record_conversation(ConversationFacts(
            "console", self.workspace, self.workspace, room, self.kinds[room], members=frozenset(self.members[room])))


def direct_room(bus: Bus, workspace: str, name: str) -> str:
    """The DM between `name` and Tandem, told to the core as a DM with `name` in it."""
    user = name.lower()
    room = f"dm-{user}"
    bus.record_conversation(ConversationFacts("console", workspace, workspace, room, ConversationKind.DM,
                                              members=frozenset({user})))
    return room
