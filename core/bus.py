"""The message bus: runs each command in one unit of work and stores its notices in the same transaction."""
from __future__ import annotations

from core.clock import Clock
from core.commands import Command, Speaker
from core.handlers.cards import refreshed_cards
from core.handlers.context import Context
from core.handlers.registry import HANDLERS
from core.identity import Identity, person_for, workspace_for
from core.outbox import entry_for
from core.outcome import Outcome, Reply
from core.people import Person, PersonDefaults
from core.ports import UnitOfWorkFactory
from core.schedule.policy import HolidayCalendar, NoHolidays, SchedulePolicy


class Bus:
    """The one way into the core for every adapter."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, defaults: PersonDefaults | None = None,
                 policy: SchedulePolicy | None = None, holidays: HolidayCalendar | None = None) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.defaults = defaults or PersonDefaults()
        self.policy = policy or SchedulePolicy()
        self.holidays = holidays or NoHolidays()

    def execute(self, command: Command, speaker: Speaker) -> Outcome:
        """Run `command` for `speaker`. Domain errors propagate with nothing written."""
        handler = HANDLERS.get(type(command))
        if handler is None:
            raise TypeError(f"no handler for {type(command).__name__}")
        with self.uow_factory() as uow:
            ctx = Context.load(uow, self.clock, speaker, self.policy, self.holidays)
            result = handler(command, ctx)
            ctx.notices.extend(refreshed_cards(ctx))
            for notice in ctx.notices:
                uow.outbox.add(entry_for(notice, speaker.workspace_id, ctx.now))
            uow.commit()
        reply = Reply(result) if isinstance(result, str) else result
        return Outcome(reply, ctx.notices)

    def identify(self, who: Identity, conversation: str | None = None, message: str | None = None,
                 link: str | None = None) -> Speaker:
        """The speaker behind a platform identity, creating workspace and person on first sight."""
        person = self.whois(who)
        return Speaker(person.workspace_id, person.id or 0, conversation, message, link)

    def whois(self, who: Identity) -> Person:
        """The person behind a platform identity (made on first sight, refreshed when it changed)."""
        with self.uow_factory() as uow:
            workspace = workspace_for(uow, who, self.defaults)
            person = person_for(uow, workspace, who, self.defaults)
            uow.commit()
        return person

    def first_time(self, key: str) -> bool:
        """Whether a platform delivery (e.g. "slack:event:Ev123") is new; recorded before any work starts."""
        with self.uow_factory() as uow:
            new = uow.events.first_time(key, self.clock.now())
            uow.commit()
        return new
