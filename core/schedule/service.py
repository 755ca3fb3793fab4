"""The scheduler's work: find what has fallen due in the database and write its notices to the outbox."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from core.clock import Clock
from core.i18n import speaking_to
from core.observe import NoObserver, Observer
from core.outbox import OutboxEntry, entry_for
from core.outcome import Notice
from core.people import Person
from core.ports import DigestMaterial, UnitOfWork, UnitOfWorkFactory
from core.report.health import MONTH
from core.schedule.channel_reminders import run_channel_reminders
from core.schedule.digest import compose_digest, digest_sections, next_digest_at
from core.schedule.followups import follow_up_notices, overdue_commitment_notices, plan_follow_up
from core.schedule.instances import next_instance
from core.schedule.lines import SHOWN_PER_SECTION
from core.schedule.notice_batches import run_notice_batches
from core.schedule.plan import plan_task
from core.schedule.policy import HolidayCalendar, SchedulePolicy
from core.schedule.projects import run_project_digests
from core.schedule.reminders import plan_reminder, reminder_notice
from core.schedule.team_followups import run_team_follow_ups
from core.schedule.working_time import is_holiday, next_working_moment
from core.tasks import Agreement, Task

CATCH_UP_STEPS = 12
Handler = Callable[[UnitOfWork, Task, dict[int, Person], datetime, list[OutboxEntry]], None]


@dataclass
class Scheduler:
    """Each `run_*` handles one batch in one transaction; safe to run in several processes at once."""

    uow_factory: UnitOfWorkFactory
    clock: Clock
    policy: SchedulePolicy
    holidays: HolidayCalendar
    batch: int = 500
    observer: Observer = field(default_factory=NoObserver)

    def tick(self) -> dict[str, int]:
        """Everything that is due now, until nothing is left (bounded); counts of notices by kind."""
        jobs = {"reminders": self.run_reminders, "follow_ups": self.run_follow_ups,
                "occurrences": self.run_occurrences, "digests": self.run_digests,
                "project_digests": self.run_project_digests, "team_follow_ups": self.run_team_follow_ups,
                "channel_reminders": self.run_channel_reminders, "notice_batches": self.run_notice_batches}
        done: dict[str, int] = {}
        for name, job in jobs.items():
            for _ in range(100):
                handled = job()
                done[name] = done.get(name, 0) + handled
                if handled < self.batch:
                    break
        return done

    def run_reminders(self) -> int:
        return self._each_due_task(lambda uow, now: uow.tasks.claim_due_reminders(now, self.batch), self._remind)

    def _each_due_task(self, claim: Callable[[UnitOfWork, datetime], list[Task]], handle: Handler) -> int:
        """Claim a batch of due tasks, handle each with its owner and requester at hand, write the batch's
        notices to the outbox in one batched insert, commit once."""
        now = self.clock.now()
        with self.uow_factory() as uow:
            tasks = claim(uow, now)
            people = uow.people.many({p for t in tasks for p in (t.owner_id, t.requester_id)})
            out: list[OutboxEntry] = []
            for task in tasks:
                handle(uow, task, people, now, out)
            uow.outbox.add_many(out)
            uow.commit()
        return len(tasks)

    def _remind(self, uow: UnitOfWork, task: Task, people: dict[int, Person], now: datetime,
                out: list[OutboxEntry]) -> None:
        owner = people[task.owner_id]
        stage, fire = task.reminder_stage, task.next_reminder_at
        for _ in range(CATCH_UP_STEPS):  # after downtime, send only the stage that is true now
            later, later_stage = plan_reminder(task, owner, fire or now, self.policy, self.holidays)
            if later is None or later > now or later == fire:
                break
            stage, fire = later_stage, later
            task.next_reminder_at, task.reminder_stage = later, later_stage
        if stage and fire:
            self.observer.reminder_fired((now - fire).total_seconds())
            quiet = stage == "overdue"  # a time the person chose comes on time; Tandem's own nudges wait
            self._send(out, task.workspace_id, reminder_notice(task, owner, stage, now), owner, now, quiet)
            if stage == "overdue" and task.is_request:
                project = uow.projects.get(task.project_id) if task.project_id else None
                boss = uow.people.get(project.owner_id) if project and project.owner_id else None
                for notice in overdue_commitment_notices(task, owner, people[task.requester_id], boss, self.policy):
                    self._send(out, task.workspace_id, notice, people.get(notice.recipient_id), now)
        task.next_reminder_at, task.reminder_stage = plan_reminder(task, owner, now, self.policy, self.holidays)
        uow.tasks.save(task)

    def run_follow_ups(self) -> int:
        return self._each_due_task(lambda uow, now: uow.tasks.claim_due_follow_ups(now, self.batch),
                                   self._follow_up)

    def _follow_up(self, uow: UnitOfWork, task: Task, people: dict[int, Person], now: datetime,
                   out: list[OutboxEntry]) -> None:
        owner, requester = people[task.owner_id], people[task.requester_id]
        notices = follow_up_notices(task, owner, requester, self.policy, task.follow_up_at or now)
        for notice in notices:
            self._send(out, task.workspace_id, notice, people.get(notice.recipient_id), now)
        waiting_on = owner if task.agreement is Agreement.REQUESTED else requester
        escalated = any(n.kind == "escalation" for n in notices)
        task.nudges += 0 if escalated else 1
        task.follow_up_at = None if escalated else plan_follow_up(task, waiting_on, now, self.policy, self.holidays)
        uow.tasks.save(task)

    def run_occurrences(self) -> int:
        now = self.clock.now()
        with self.uow_factory() as uow:
            tasks = uow.tasks.claim_due_occurrences(now, self.batch)
            for task in tasks:
                self.make_next(uow, task, now)
            uow.commit()
        return len(tasks)

    def make_next(self, uow: UnitOfWork, task: Task, now: datetime) -> Task | None:
        """The next instance of a recurring task, planned and announced."""
        made = next_instance(uow, task, now)
        if made is None:
            task.next_occurrence_at = None
            uow.tasks.save(task)
            return None
        fresh, notices = made
        people = uow.people.many({fresh.owner_id, fresh.requester_id})
        plan_task(fresh, people[fresh.owner_id], people[fresh.requester_id], now, self.policy, self.holidays)
        uow.tasks.save(fresh)
        for notice in notices:
            reader = people.get(notice.recipient_id)
            uow.outbox.add(entry_for(notice.said_in(reader.lang) if reader else notice, fresh.workspace_id, now))
        return fresh

    def run_digests(self) -> int:
        now = self.clock.now()
        with self.uow_factory() as uow:
            for person in uow.people.without_digest_schedule(self.batch):
                person.next_digest_at = next_digest_at(person, now, self.holidays)
                uow.people.save(person)
            people = uow.people.claim_due_digests(now, self.batch)
            material = uow.tasks.digest_material(people, now)
            named = uow.people.many(_shown_people(people, material, now) | {p.id or 0 for p in people})
            kept = uow.reports.kept_by_owner(people, now - MONTH, now)
            digests = [d for d in (self._digest(uow, p, material, named, now, kept) for p in people) if d]
            uow.outbox.add_many(digests)
            uow.commit()
        return len(people)

    def _digest(self, uow: UnitOfWork, person: Person, material: dict[int, DigestMaterial],
                named: dict[int, Person], now: datetime, kept: dict[int, tuple[int, int]],
                ) -> OutboxEntry | None:
        """The person's digest entry (None when empty, away or a holiday); plans the next one either way."""
        mine = material.get(person.id or 0)
        today = now.astimezone(ZoneInfo(person.tz)).date()
        entry = None
        if mine is not None and not person.is_away(today) and not is_holiday(person, today, self.holidays):
            with speaking_to(person.lang):
                notice = compose_digest(person, mine, named, now, kept.get(person.id or 0))

            if notice is not None:
                entry = entry_for(notice, person.workspace_id, now)
                person.last_digest_at = now
        person.next_digest_at = next_digest_at(person, now, self.holidays)
        uow.people.save(person)
        return entry

    def run_project_digests(self) -> int:
        return run_project_digests(self, self.clock.now())

    def run_notice_batches(self) -> int:
        with self.uow_factory() as uow:
            handled = run_notice_batches(uow, self.clock.now(), self.batch)
            uow.commit()
        return handled

    def run_channel_reminders(self) -> int:
        with self.uow_factory() as uow:
            handled = run_channel_reminders(uow, self.clock.now(), self.batch)
            uow.commit()
        return handled

    def run_team_follow_ups(self) -> int:
        with self.uow_factory() as uow:
            handled = run_team_follow_ups(uow, self.clock.now(), self.policy, self.holidays, self.batch)
            uow.commit()
        return handled

    def _send(self, out: list[OutboxEntry], workspace_id: int, notice: Notice, recipient: Person | None,
              now: datetime, quiet: bool = True) -> None:
        """Queue `notice` for the batch's outbox insert. Quiet hours: a non-urgent notice of Tandem's own
        waits for the recipient's next working moment."""
        if recipient is not None:
            notice = notice.said_in(recipient.lang)
        held = quiet and not notice.urgent and recipient is not None
        hold = next_working_moment(recipient, now, self.holidays) if held and recipient else None
        out.append(entry_for(notice, workspace_id, now, hold))


def _shown_people(people: list[Person], material: dict[int, DigestMaterial], now: datetime) -> set[int]:
    """The owners of the tasks the digests will show (a digest line names the owner; a section shows its first
    SHOWN_PER_SECTION): most of a person's open work (dated after this week, or undated) is not in the digest,
    and loading everyone it named was a third of the digest time at 20,000 people."""
    shown: set[int] = set()
    for person in people:
        mine = material.get(person.id or 0)
        if mine is not None:
            for tasks in digest_sections(person, mine, now).values():
                shown.update(task.owner_id for task in tasks[:SHOWN_PER_SECTION])
    return shown
