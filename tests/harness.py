"""ChatHarness: the console adapter, the real bus and database and a sandbox clock, for dialog tests."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from adapters.console.render import BotMessage
from adapters.console.room import ConsoleRoom
from adapters.console.sender import ConsoleSender
from bot.delivery.deliverer import Deliverer
from bot.holidays import PublicHolidays
from core.bus import Bus
from core.people import PersonDefaults
from core.sandbox import Sandbox, SandboxClock
from core.schedule.policy import SchedulePolicy
from core.schedule.service import Scheduler
from storage.uow import SqlUnitOfWorkFactory

SPEAKER_PREFIX = re.compile(r"^@[\w.\-]+:")


@dataclass
class ChatHarness:
    """A console room in a test: `say` a line, read what the bot answered and who it told."""

    uow_factory: SqlUnitOfWorkFactory
    start: datetime
    tz: str = "Europe/Berlin"
    workspace: str = "acme"
    messages: list[BotMessage] = field(default_factory=list)
    charts: Path | None = None  # where the console writes chart PNGs (default: the system's temp folder)
    thread_updates: bool = True  # app.yaml's defaults.thread_updates
    language: str = "en"  # the workspace's default language (app.yaml defaults.language)

    def __post_init__(self) -> None:
        self.clock = SandboxClock(self.start)
        self.bus = Bus(self.uow_factory, self.clock, PersonDefaults(tz=self.tz, lang=self.language,
                                                                    thread_updates=self.thread_updates))
        self.scheduler = Scheduler(self.uow_factory, self.clock, SchedulePolicy(), PublicHolidays())
        sender = ConsoleSender(self.messages.append, self.charts)
        deliverer = Deliverer(self.uow_factory, {"console": sender}, self.clock)
        self.room = ConsoleRoom(self.bus, self.workspace, "you", self.messages.append, deliverer.run_once,
                                Sandbox(self.clock, self.scheduler, self.tz), sender)

    def say(self, line: str) -> list[BotMessage]:
        """Say one line; returns every bot message it caused (reply first, then DMs)."""
        before = len(self.messages)
        self.room.handle(line)
        return self.messages[before:]

    def choose(self, line: str, label: str) -> list[BotMessage]:
        """Say `line`, then take the choice on its answer whose label starts with `label`, as the same speaker."""
        answers = [m for m in self.say(line) if m.to is None]
        action = next(a for m in answers for a in m.actions if a.label.startswith(label))
        speaker = SPEAKER_PREFIX.match(line)
        return self.say(f"{speaker.group(0)} {action.command}" if speaker else action.command)

    def reply(self, line: str) -> str:
        """Say a line and return the bot's answer in the room as a person sees it (text and card)."""
        answers = [m for m in self.say(line) if m.to is None]
        assert answers, f"no answer to {line!r}"
        return answers[0].as_text()

    def dm(self, name: str, text: str) -> BotMessage:
        """`name` writes `text` to Tandem in a DM; returns Tandem's answer there."""
        answers = [m for m in self.say(f"@{name} -> tandem: {text}") if m.to == f"@{name}" and m.fired is None]
        assert answers, f"no answer to the DM {text!r}"
        return answers[0]

    def dms(self, to: str) -> list[BotMessage]:
        return [m for m in self.messages if m.to == to]
