"""ChatHarness: the console adapter, the real bus and database and a sandbox clock, for dialog tests."""
from __future__ import annotations

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


@dataclass
class ChatHarness:
    """A console room in a test: `say` a line, read what the bot answered and who it told."""

    uow_factory: SqlUnitOfWorkFactory
    start: datetime
    tz: str = "Europe/Berlin"
    workspace: str = "acme"
    messages: list[BotMessage] = field(default_factory=list)
    charts: Path | None = None  # where the console writes chart PNGs (default: the system's temp folder)

    def __post_init__(self) -> None:
        self.clock = SandboxClock(self.start)
        self.bus = Bus(self.uow_factory, self.clock, PersonDefaults(tz=self.tz))
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

    def reply(self, line: str) -> str:
        """Say a line and return the bot's answer in the room as a person sees it (text and card)."""
        answers = [m for m in self.say(line) if m.to is None]
        assert answers, f"no answer to {line!r}"
        return answers[0].as_text()

    def dms(self, to: str) -> list[BotMessage]:
        return [m for m in self.messages if m.to == to]
