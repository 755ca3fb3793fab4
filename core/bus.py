"""The message bus: runs each command in one unit of work and stores its notices in the same transaction."""
from __future__ import annotations

from core import membership, places
from core.cards import PostedCard, ReplyCard
from core.chat import Places
from core.clock import Clock
from core.commands import Checked, Command, Speaker
from core.conversations import Conversation, ConversationFacts, MembershipChange
from core.errors import DomainError
from core.handlers.cards import refreshed_cards
from core.handlers.context import Context
from core.handlers.followthrough import thread_notices
from core.handlers.registry import HANDLERS
from core.i18n import speaking_to
from core.identity import Identity, person_for, workspace_for
from core.notice_batching import hold, is_deferrable
from core.observe import NoObserver, Observer
from core.outbox import entry_for
from core.outcome import Outcome, Reply
from core.people import Person, PersonDefaults
from core.permissions import Act, can
from core.ports import UnitOfWorkFactory
from core.schedule.policy import HolidayCalendar, NoHolidays, SchedulePolicy
from core.tasks import parse_ref
from core.team_groups import note_roles, record_group
from core.teams import Group, GroupFacts
from core.validation.commands import checked
from core.validation.names import fitted_identity, refuse_lookalike


class Bus:
    """The one way into the core for every adapter."""

    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock, defaults: PersonDefaults | None = None,
                 policy: SchedulePolicy | None = None, holidays: HolidayCalendar | None = None,
                 web_url: str = "http://localhost:3000", observer: Observer | None = None) -> None:
        self.uow_factory = uow_factory
        self.clock = clock
        self.defaults = defaults or PersonDefaults()
        self.policy = policy or SchedulePolicy()
        self.holidays = holidays or NoHolidays()
        self.web_url = web_url
        self.observer: Observer = observer or NoObserver()

    def execute(self, command: Command, speaker: Speaker) -> Outcome:
        """Run `command` for `speaker`, its texts checked first. Domain errors propagate with nothing written."""
        verb = type(command.command if isinstance(command, Checked) else command).__name__
        try:
            outcome = self._execute(command, speaker)
        except DomainError:
            self.observer.command_done(verb, "refused")
            raise
        except Exception:
            self.observer.command_done(verb, "error")
            raise
        self.observer.command_done(verb, "ok")
        return outcome

    def _execute(self, command: Command, speaker: Speaker) -> Outcome:
        handler = HANDLERS.get(type(command))
        if handler is None:
            raise TypeError(f"no handler for {type(command).__name__}")
        command = checked(command)
        with self.uow_factory() as uow:
            with speaking_to(speaker.lang or self.defaults.lang):
                ctx = Context.load(uow, self.clock, speaker, self.policy, self.holidays, self.web_url,
                                   self.defaults)
            with speaking_to(ctx.me.lang):
                result = handler(command, ctx)
                ctx.notices.extend(refreshed_cards(ctx))
                ctx.notices.extend(thread_notices(ctx, self.defaults.thread_updates))
            for notice in ctx.notices:
                if is_deferrable(uow, notice):
                    hold(uow, notice, speaker.workspace_id, ctx.now)
                else:
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

    def remember_place(self, platform: str, user: str, workspace_external_id: str) -> None:
        """`user` of `platform` used Tandem in that workspace: their DMs act there from now on."""
        with self.uow_factory() as uow:
            places.remember(uow, platform, user, workspace_external_id, self.clock.now())
            uow.commit()

    def places_of(self, platform: str, user: str) -> Places:
        """Where a DM from `user` may act: the workspace they last used Tandem in, and all that know them."""
        with self.uow_factory() as uow:
            return places.places(uow, platform, user)

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

    def remember_reply_card(self, speaker: Speaker, shown: ReplyCard) -> bool:
        """Record a task's card an adapter showed as the direct reply to `speaker`, so a later change to the task
        edits it while the platform allows; False when the card names no task the speaker may see."""
        now = self.clock.now()
        with self.uow_factory() as uow:
            task = uow.tasks.get(speaker.workspace_id, parse_ref(shown.ref))
            me = uow.people.get(speaker.person_id)
            if task is None or task.id is None or me is None or not can(me, Act.SEE, task):
                return False
            uow.cards.add(PostedCard(task.id, speaker.person_id, shown.platform, shown.channel, shown.message, now,
                                     handle=shown.handle, expires_at=now + shown.lifetime, uses_left=shown.uses_left))
            uow.commit()
        return True

    def record_group(self, facts: GroupFacts) -> Group:
        """Store what an adapter read about a group (a Slack user group, a Discord role): its name and members."""
        with self.uow_factory() as uow:
            group = record_group(uow, facts, self.defaults)
            uow.commit()
        return group

    def note_roles(self, platform: str, workspace_external_id: str, user: str, roles: tuple[str, ...]) -> None:
        """`user` carries these platform roles: they may claim the requests of the groups the roles stand for."""
        with self.uow_factory() as uow:
            note_roles(uow, platform, workspace_external_id, user, roles)
            uow.commit()
