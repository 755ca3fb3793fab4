"""The console chat room: each line is a message; `/task` commands and @tandem requests get answers."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from adapters.common.errors import safely
from adapters.common.grammar import HelpRequest, parse_command
from adapters.common.help import help_text
from adapters.console.render import BotMessage
from core.bus import Bus
from core.commands import DraftRequest, Speaker
from core.identity import Identity
from core.outcome import Reply

SPEAKER = re.compile(r"^@([\w.\-]+):\s*(.*)$", re.DOTALL)
BOT_MENTION = re.compile(r"@tandem\b[,:]?", re.IGNORECASE)
DURATION_PART = re.compile(r"(\d+)\s*(m|min|minutes?|h|hours?|d|days?|w|weeks?)\s*", re.IGNORECASE)
MINUTES = {"m": 1, "h": 60, "d": 1440, "w": 10080}
STEP = timedelta(minutes=15)
CONSOLE_HELP = (
    "Console: `@name: text` speaks as name (new names join the room); `:as name` changes the default "
    "speaker; `:advance 2h` (m/h/d/w) moves the sandbox clock and runs what falls due; `:now`; `:quit`. "
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
        command = parse_command(text)
        if isinstance(command, HelpRequest):
            return Reply(help_text(command.topic))
        return self.bus.execute(command, speaker).reply

    def _answer(self, speaker: Speaker, work: Callable[[], Reply]) -> None:
        reply = safely(work)
        self.emit(BotMessage(None, self.conversation, reply.text, reply.actions, reply.card, reply.cards))

    def _speaker(self, name: str) -> Speaker:
        who = Identity("console", self.workspace, self.workspace, name.lower(), name, handle=name.lower())
        return self.bus.identify(who, conversation=self.conversation)

    def _console_command(self, text: str) -> bool:
        word, _, rest = text.partition(" ")
        if word in ("quit", "q", "exit"):
            return False
        if word == "as" and rest.strip():
            self.speaker = rest.strip().lstrip("@")
            self._speaker(self.speaker)
            self._say(f"You are now speaking as @{self.speaker.lower()}.")
        elif word == "advance":
            self._advance(rest.strip())
        elif word == "now":
            self._say(self.advance(timedelta(0)))
        else:
            self._say(CONSOLE_HELP)
        return True

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
