"""The console chat room: each line is a message; `/task` commands and @tandem requests get answers."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from adapters.common.errors import safely
from adapters.common.grammar import HelpRequest, parse_command
from adapters.common.help import help_text
from adapters.console.render import BotMessage
from adapters.console.rooms import KINDS, ROLES, ROOM_NAME_LIMIT, Rooms
from core.bus import Bus
from core.commands import DraftRequest, Speaker
from core.errors import InvalidInput
from core.identity import Identity
from core.outcome import Reply
from core.people import Role

SPEAKER = re.compile(r"^@([\w.\-]+):\s*(.*)$", re.DOTALL)
BOT_MENTION = re.compile(r"@tandem\b[,:]?", re.IGNORECASE)
DURATION_PART = re.compile(r"(\d+)\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)\s*", re.IGNORECASE)
MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}
STEP = timedelta(minutes=15)
CONSOLE_HELP = (
    "Console: `@name: text` speaks as name (new names join the room); `:as name [guest|admin|external|member]` "
    "changes the default speaker (and their role); `:room #name [public|private|group|dm|thread]` goes to a room, "
    "made on first use; `:join [@name]` / `:leave [@name]` add to or take out of this room; "
    "`:advance 2h` (m/h/d/w) moves the sandbox clock and runs what falls due; `:now`; `:quit`. "
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
    advance: Callable[[timedelta], str]
    conversation: str = "console"
    rooms: Rooms = field(init=False)
    roles: dict[str, tuple[Role, bool]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rooms = Rooms(self.bus, self.workspace)

    def handle(self, line: str) -> bool:
        """Act on one line; False when the person asked to quit."""
        text = line.strip()
        if not text:
            return True
        if text.startswith(":"):
            return self._console_command(text[1:].strip())
        match = SPEAKER.match(text)
        name, text = (match.group(1), match.group(2).strip()) if match else (self.speaker, text)
        speaker = self._speaker(name)
        if text.startswith("/"):
            self._answer(speaker, lambda: self._task_command(speaker, text))
        elif BOT_MENTION.search(text):
            request = BOT_MENTION.sub("", text).strip()
            self._answer(speaker, lambda: self.bus.execute(DraftRequest(request), speaker).reply)
        self.deliver()
        return True

    def _task_command(self, speaker: Speaker, text: str) -> Reply:
        if not text.startswith("/task"):
            raise InvalidInput(f"I only know /task. Try /task help (you typed {text.split()[0]}).")
        command = parse_command(text)
        if isinstance(command, HelpRequest):
            return Reply(help_text(command.topic))
        return self.bus.execute(command, speaker).reply

    def _answer(self, speaker: Speaker, work: Callable[[], Reply]) -> None:
        reply = safely(work)
        self.emit(BotMessage(None, self.conversation, reply.text, reply.actions, reply.card, reply.cards))

    def _speaker(self, name: str) -> Speaker:
        role, external = self.roles.get(name.lower(), (None, None))
        who = Identity("console", self.workspace, self.workspace, name.lower(), name, role=role, external=external,
                       handle=name.lower())
        speaker = self.bus.identify(who, conversation=self.conversation)
        self.rooms.spoke(self.conversation, name.lower())
        return speaker

    def _console_command(self, text: str) -> bool:
        word, _, rest = text.partition(" ")
        if word in ("quit", "q", "exit"):
            return False
        if word == "as" and rest.strip():
            self._speak_as(*rest.split())
        elif word == "room" and rest.strip():
            self._room(*rest.split())
        elif word in ("join", "leave"):
            who = (rest.strip() or self.speaker).lstrip("@").lower()
            self._say(self.rooms.join(self.conversation, who, joined=word == "join"))
        elif word == "advance":
            self._advance(rest.strip())
        elif word == "now":
            self._say(self.advance(timedelta(0)))
        else:
            self._say(CONSOLE_HELP)
        return True

    def _speak_as(self, name: str, role: str = "", *_: str) -> None:
        if role and role.lower() not in ROLES:
            self._say(f"Roles are {', '.join(ROLES)}: :as {name} guest")
            return
        self.speaker = name.lstrip("@")
        if role:
            self.roles[self.speaker.lower()] = ROLES[role.lower()]
        self._speaker(self.speaker)
        as_role = f" ({role.lower()})" if role else ""
        self._say(f"You are now speaking as @{self.speaker.lower()}{as_role}.")

    def _room(self, name: str, kind: str = "", *_: str) -> None:
        room = name.lstrip("#").lower()
        if not room or len(room) > ROOM_NAME_LIMIT or (kind and kind.lower() not in KINDS):
            self._say(f"Say which room and, for a new one, its kind ({', '.join(KINDS)}): :room #hr private")
            return
        said = self.rooms.open(room, KINDS.get(kind.lower()), self.speaker.lower())
        self.conversation = room
        self._say(said)

    def _advance(self, amount: str) -> None:
        parts = DURATION_PART.findall(amount)
        if not parts or DURATION_PART.sub("", amount).strip():
            self._say("Say how far: :advance 30m, :advance 2h, :advance 1h45m, :advance 1d or :advance 1w.")
            return
        left = timedelta(minutes=sum(int(n) * MINUTES[unit[0].lower()] for n, unit in parts))
        now = ""
        while left > timedelta(0):  # step like a running scheduler would, so every digest and nudge happens
            step = min(left, STEP)
            now, left = self.advance(step), left - step
            self.deliver()
        self._say(now)

    def _say(self, text: str) -> None:
        self.emit(BotMessage(None, self.conversation, text))
