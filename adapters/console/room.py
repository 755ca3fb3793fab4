"""The console chat room: each line is a message; `/task` commands and @tandem requests get answers."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from adapters.common.errors import answered
from adapters.common.grammar import HelpRequest, parse_command
from adapters.common.help import help_text
from adapters.console.advance import read_advance
from adapters.console.render import BotMessage
from adapters.console.rooms import KINDS, ROLES, ROOM_NAME_LIMIT, Rooms, direct_room
from adapters.console.sender import ConsoleSender
from core.bus import Bus
from core.commands import Converse, DraftRequest, Speaker
from core.i18n import N_, speaking_to
from core.identity import Identity
from core.outcome import Reply
from core.people import Role
from core.requests import serving
from core.sandbox import Sandbox
from core.teams import GroupFacts
from core.validation import limits
from core.validation.names import person_name
from core.validation.text import clean

SPEAKER = re.compile(r"^@([\w.\-]+):\s*(.*)$", re.DOTALL)
DIRECT = re.compile(r"^@([\w.\-]+)\s*->\s*tandem:\s*(.*)$", re.DOTALL | re.IGNORECASE)
BOT_MENTION = re.compile(r"@tandem\b[,:]?", re.IGNORECASE)
CONSOLE_HELP = (
    "Console: `@name: text` speaks as name (new names join the room); `:as name [guest|admin|external|member]` "
    "changes the default speaker (and their role); `:dm text` (or `@name -> tandem: text`) is a DM to Tandem; "
    "`:room #name [public|private|group|dm|thread]` goes to a room, "
    "made on first use; `:group design alice bob` makes a group (members replace the old ones); "
    "`:join [@name]` / `:leave [@name]` add to or take out of this room; "
    "`:advance 2h` (m/h/d/w, at most 8 weeks) moves the sandbox clock and runs what falls due; `:now`; `:quit`. "
    "Type /task help for the commands."
)


@dataclass
class ConsoleRoom:
    """One conversation in the terminal, shared by everyone who types into it."""

    bus: Bus
    workspace: str
    speaker: str
    emit: Callable[[BotMessage], None]
    deliver: Callable[[], object]
    sandbox: Sandbox
    sender: ConsoleSender
    conversation: str = "console"
    rooms: Rooms = field(init=False)
    roles: dict[str, tuple[Role, bool]] = field(default_factory=dict)
    said: int = 0  # lines said so far: each line is a message with its own id, so a thread can hear back

    def __post_init__(self) -> None:
        self.rooms = Rooms(self.bus, self.workspace)

    def handle(self, line: str) -> bool:
        """Act on one line; False when the person asked to quit. Whatever the line, it gets an answer."""
        text = clean(line).strip()
        if not text:
            return True
        with serving("console", self.workspace):
            return self._handle(text)

    def _handle(self, text: str) -> bool:
        if text.startswith(":"):
            return self._console_command(text[1:].strip())
        direct = DIRECT.match(text)
        if direct:
            self._direct(direct.group(1), direct.group(2).strip())
            return True
        match = SPEAKER.match(text)
        name, text = (match.group(1), match.group(2).strip()) if match else (self.speaker, text)
        chat = not text.startswith("/") and not BOT_MENTION.search(text)
        self._answer(lambda: self._message(name, text), quiet=chat)
        self._answer(self._deliver, quiet=True)
        return True

    def _message(self, name: str, text: str) -> Reply:
        """A line said by `name`: a command, a request to the bot, or chat (which only makes them join)."""
        person_name(name)
        limits.within(text, limits.LINE, N_("message"), N_("Put long text in a task's notes or in comments."))

        speaker = self._speaker(name)
        with speaking_to(speaker.lang):
            if text.startswith("/"):
                return self._task_command(speaker, text)
            if BOT_MENTION.search(text):
                return self.bus.execute(DraftRequest(BOT_MENTION.sub("", text).strip()), speaker).reply
        return Reply("")

    def _task_command(self, speaker: Speaker, text: str) -> Reply:
        command = parse_command(text)
        if isinstance(command, HelpRequest):
            return Reply(help_text(command.topic))
        return self.bus.execute(command, speaker).reply

    def _direct(self, name: str, text: str) -> None:
        """A DM from `name` to Tandem: a `/task` command, or plain words read with their context."""
        def work() -> Reply:
            person_name(name)
            limits.within(text, limits.LINE, "message", "Put long text in a task's notes or in comments.")
            room = direct_room(self.bus, self.workspace, name)
            speaker = self._speaker(name, room)
            if text.startswith("/"):
                return self._task_command(speaker, text)
            return self.bus.execute(Converse(text), speaker).reply
        self._answer(work, to=f"@{name.lower()}")
        self._answer(self._deliver, quiet=True)

    def _answer(self, work: Callable[[], Reply], quiet: bool = False, to: str | None = None) -> None:
        """Run `work` inside the one error policy; show its reply (a quiet success shows nothing)."""
        result = answered(work)
        if quiet and not result.error:
            return
        reply = result.reply
        text = reply.text + (self.sender.save(reply.attachment) if reply.attachment else "")
        self.emit(BotMessage(to, self.conversation, text, reply.actions, reply.card, reply.cards,
                             error=result.error))

    def _deliver(self) -> Reply:
        self.deliver()
        return Reply("")

    def _speaker(self, name: str, room: str | None = None) -> Speaker:
        """The person speaking as `name` (in `room`, default this room); a newcomer's name is checked for length
        and look-alikes."""
        shown = person_name(name)
        role, external = self.roles.get(shown.lower(), (None, None))
        who = Identity("console", self.workspace, self.workspace, shown.lower(), shown, role=role, external=external,
                       handle=shown.lower())
        self.said += 1
        message = None if room else f"m{self.said}"  # a DM has no thread to hear back in
        speaker = self.bus.identify(who, conversation=room or self.conversation, message=message, distinct_look=True)
        if room is None:
            self.rooms.spoke(self.conversation, shown.lower())
        return speaker

    def _console_command(self, text: str) -> bool:
        word, _, rest = text.partition(" ")
        if word in ("quit", "q", "exit"):
            return False
        if word == "as" and rest.strip():
            self._answer(lambda: self._become(*rest.split()))
        elif word == "room" and rest.strip():
            self._answer(lambda: self._room(*rest.split()))
        elif word in ("join", "leave"):
            who = (rest.strip() or self.speaker).lstrip("@").lower()
            self._answer(lambda: Reply(self.rooms.join(self.conversation, who, joined=word == "join")))
        elif word == "dm" and rest.strip():
            self._direct(self.speaker, rest.strip())
        elif word == "group":
            self._answer(lambda: self._group(*rest.split()))
        elif word == "advance":
            self._answer(lambda: self._advance(rest.strip()))
        elif word == "now":
            self._say(f"It is now {self.sandbox.shown(year=True)} ({self.sandbox.tz}).")
        else:
            self._say(CONSOLE_HELP)
        return True

    def _become(self, name: str, role: str = "", *_: str) -> Reply:
        """Speak as `name` from now on, with the platform role given (member when none)."""
        name = name.lstrip("@")
        if role and role.lower() not in ROLES:
            return Reply(f"Roles are {', '.join(ROLES)}: :as {name[:40]} guest")
        if role:
            self.roles[person_name(name).lower()] = ROLES[role.lower()]
        self._speaker(name)
        self.speaker = name
        as_role = f" ({role.lower()})" if role else ""
        return Reply(f"You are now speaking as @{name.lower()}{as_role}.")

    def _room(self, name: str, kind: str = "", *_: str) -> Reply:
        """Go to the room `#name`, made on first use with the kind given (public when none)."""
        room = name.lstrip("#").lower()
        if not room or len(room) > ROOM_NAME_LIMIT or (kind and kind.lower() not in KINDS):
            return Reply(f"Say which room and, for a new one, its kind ({', '.join(KINDS)}): :room #hr private")
        said = self.rooms.open(room, KINDS.get(kind.lower()), self.speaker.lower())
        self.conversation = room
        return Reply(said)

    def _group(self, name: str = "", *members: str) -> Reply:
        """Make (or change) the group `@name` with these members, as a Slack user group or a Discord role would be."""
        handle = name.lstrip("@").lower()
        if not handle or len(handle) > ROOM_NAME_LIMIT:
            return Reply("Say the group's name and its members: :group design alice bob")
        users = tuple(dict.fromkeys(person_name(m.lstrip("@")).lower() for m in members))
        self.bus.record_group(GroupFacts("console", self.workspace, handle, handle, users))
        shown = ", ".join(f"@{u}" for u in users) or "nobody"
        return Reply(f"Group @{handle}: {shown}.")

    def _advance(self, amount: str) -> Reply:
        """Move the sandbox clock, delivering at each instant something fell due, stamped with that time."""
        for stop in self.sandbox.run(read_advance(amount)):
            with self.sender.fired_at(self.sandbox.shown(stop)):
                self.deliver()
        return Reply(f"It is now {self.sandbox.shown(year=True)} ({self.sandbox.tz}).")

    def _say(self, text: str) -> None:
        self.emit(BotMessage(None, self.conversation, text))
