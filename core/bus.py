"""The message bus: runs each command in one unit of work and stores its notices in the same transaction."""
from __future__ import annotations

from core import membership
from core.clock import Clock
from core.commands import Command, Speaker
from core.conversations import Conversation, ConversationFacts, MembershipChange
from core.handlers.cards import refreshed_cards
from core.handlers.context import Context
from core.handlers.registry import HANDLERS
from core.i18n import speaking_to
from core.identity import Identity, person_for, workspace_for
from core.outbox import entry_for
from core.outcome import Outcome, Reply
from core.people import Person, PersonDefaults
from core.ports import UnitOfWorkFactory
from core.schedule.policy import HolidayCalendar, NoHolidays, SchedulePolicy
from core.validation.commands import checked
from core.validation.names import fitted_identity, refuse_lookalike


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
        """Run `command` for `speaker`, its texts checked first. Domain errors propagate with nothing written."""
        handler = HANDLERS.get(type(command))
        if handler is None:
            raise TypeError(f"no handler for {type(command).__name__}")
        command = checked(command)
        with self.uow_factory() as uow:
            with speaking_to(speaker.lang or self.defaults.lang):
                ctx = Context.load(uow, self.clock, speaker, self.policy, self.holidays)
            with speaking_to(ctx.me.lang):
                result = handler(command, ctx)
                ctx.notices.extend(refreshed_cards(ctx))
            for notice in ctx.notices:
                uow.outbox.add(entry_for(notice, speaker.workspace_id, ctx.now))
            uow.commit()
        reply = Reply(result) if isinstance(result, str) else result
        return Outcome(reply, ctx.notices)

    def identify(self, who: Identity, conversation: str | None = None, message: str | None = None,
                 link: str | None = None, *, distinct_look: bool = False) -> Speaker:
        """The speaker behind a platform identity, creating workspace and person on first sight.

        With `distinct_look` (rooms where people name themselves), a newcomer whose name looks like
        someone else's is refused.
        """
        person = self.whois(who, distinct_look=distinct_look)
        return Speaker(person.workspace_id, person.id or 0, conversation, message, link, person.lang)

    def whois(self, who: Identity, *, distinct_look: bool = False) -> Person:
        """The person behind a platform identity (made on first sight, refreshed when it changed)."""
        who = fitted_identity(who)
        with self.uow_factory() as uow:
            workspace = workspace_for(uow, who, self.defaults)
            if distinct_look and uow.people.by_identity(workspace.id or 0, who.platform, who.user_external_id) is None:
                refuse_lookalike(who.display_name, [p.handle for p in uow.people.in_workspace(workspace.id or 0)])
            person = person_for(uow, workspace, who, self.defaults)
            uow.commit()
        return person

    def record_conversation(self, facts: ConversationFacts) -> Conversation:
        """Store what an adapter read about a conversation (its kind, whether it is readable, its members)."""
        with self.uow_factory() as uow:
            conversation = membership.record(uow, facts, self.defaults)
            uow.commit()
        return conversation

    def change_membership(self, change: MembershipChange) -> bool:
        """Apply a join, a leave or an (un)archiving; False when the conversation isn't known yet."""
        with self.uow_factory() as uow:
            known = membership.apply(uow, change)
            uow.commit()
        return known

    def not_public_conversations(self, platform: str, workspace_external_id: str) -> list[str]:
        """The conversations of a workspace whose members matter, for an adapter that recomputes someone's access."""
        with self.uow_factory() as uow:
            return membership.not_public(uow, platform, workspace_external_id)

    def language_of(self, speaker: Speaker) -> str:
        """The language the speaker reads now (their stored choice), for words said before a command runs."""
        with self.uow_factory() as uow:
            person = uow.people.get(speaker.person_id)
        return person.lang if person is not None else speaker.lang or self.defaults.lang

    def first_time(self, key: str) -> bool:

        """Whether a platform delivery (e.g. "slack:event:Ev123") is new; recorded before any work starts."""
        with self.uow_factory() as uow:
            new = uow.events.first_time(key, self.clock.now())
            uow.commit()
        return new
