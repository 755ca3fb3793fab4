"""What every handler works with: the unit of work, the clock, the speaker and notices to send."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from uuid import uuid4

from core.activity import Activity
from core.clock import Clock
from core.commands import Speaker
from core.due import Due
from core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from core.i18n import SOURCE, _, language, retold, speaking_to
from core.language import Workday
from core.outcome import Action, Card, Notice
from core.people import Person, PersonDefaults, Workspace
from core.permissions import Act, Reach, can, no_project, not_found, require, sees_project
from core.ports import UnitOfWork
from core.projects import Project
from core.schedule.plan import plan_task
from core.schedule.policy import HolidayCalendar, NoHolidays, SchedulePolicy
from core.tasks import Task, Visibility
from core.validation.dates import read_when
from core.wording import task_card


@dataclass
class Context:
    """One command's view of the world. Notices collect here and go to the outbox on commit."""

    uow: UnitOfWork
    clock: Clock
    speaker: Speaker
    me: Person
    workspace: Workspace
    policy: SchedulePolicy = field(default_factory=SchedulePolicy)
    holidays: HolidayCalendar = field(default_factory=NoHolidays)
    web_url: str = ""  # where Tandem's web server is reached (calendar addresses start with it)
    defaults: PersonDefaults = field(default_factory=PersonDefaults)  # app.yaml's, under the workspace's own
    notices: list[Notice] = field(default_factory=list)
    touched: dict[int, Task] = field(default_factory=dict)  # tasks changed by this command, by id
    logged: list[tuple[Task, str, str]] = field(default_factory=list)  # (task, verb, detail) of this command
    now: datetime = field(init=False)
    _known: dict[int, Person] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.now = self.clock.now()

    @classmethod
    def load(cls, uow: UnitOfWork, clock: Clock, speaker: Speaker, policy: SchedulePolicy,
             holidays: HolidayCalendar, web_url: str = "", defaults: PersonDefaults | None = None) -> Context:
        me = uow.people.get(speaker.person_id)
        workspace = uow.workspaces.get(speaker.workspace_id)
        if me is None or workspace is None or me.workspace_id != workspace.id:
            raise NotFound(_("I don't know you in this workspace yet. Say something to me first."))
        if not me.active:
            raise NotAllowed(_("An admin deactivated you in Tandem in this workspace, so I can't act for you. "
                               "Ask an admin to reactivate you with /task admin reactivate."))
        return cls(uow=uow, clock=clock, speaker=speaker, me=me, workspace=workspace, policy=policy,
                   holidays=holidays, web_url=web_url, defaults=defaults or PersonDefaults())

    @property
    def workday(self) -> Workday:
        """The speaker's working hours and days, so "end of day" or "first thing" mean their day."""
        return Workday(self.me.work_start, self.me.work_end, self.me.working_days)

    def read_when(self, text: str) -> Due:
        """A date the speaker typed, read in their zone, language and working hours, and checked."""
        return read_when(text, now=self.now, tz=self.me.tz, lang=self.me.lang, workday=self.workday)

    def task(self, number: int, act: Act = Act.SEE) -> Task:
        """The speaker's task `number`, checked against the permission policy; a task they may not see is
        answered exactly like one that doesn't exist."""
        task = self.uow.tasks.get(self.workspace.id or 0, number)
        if task is None:
            raise not_found(number)
        require(self.me, act, task, self.reach(task))
        return task

    def reach(self, task: Task) -> Reach:
        """Whether the speaker is in the task's conversation and may see its project (read only when it matters)."""
        if self.me.id in task.participants() or self.me.is_limited:
            return Reach()
        in_conversation = (task.visibility is Visibility.CONVERSATION and task.origin is not None
                           and self.uow.conversations.has_member(self.workspace.id or 0, task.origin.conversation,
                                                                 self.me.identities.values()))
        project = self.uow.projects.get(task.project_id) if task.project_id else None
        return Reach(in_conversation, project is None or sees_project(self.me, project))

    def sees(self, task: Task) -> bool:
        return can(self.me, Act.SEE, task, self.reach(task))

    def project(self, name: str) -> Project:
        """The project called `name` that the speaker may see; one they may not is answered like a missing one."""
        cleaned = name.strip().lstrip("#")
        project = self.uow.projects.by_name(self.workspace.id or 0, cleaned)
        if project is None or not sees_project(self.me, project):
            raise no_project(cleaned)
        return project

    def person_named(self, name: str, *, deactivated: bool = False) -> Person:
        """The one person called `name`; ask instead of guessing when several match. A deactivated person is
        refused (they can't be given work) unless `deactivated` (for admin commands about them)."""
        found = self._person_named(name)
        if not found.active and not deactivated:
            raise Conflict(_("{person} was deactivated by an admin, so they can't be given work or join anything. "
                             "Pick someone else.", person=found.mention))
        return found

    def _person_named(self, name: str) -> Person:
        cleaned = name.strip().lstrip("@")
        if not cleaned:
            raise InvalidInput(_("Say who, with an @mention: /task assign T-3 @alice"))
        matches = self.uow.people.find(self.workspace.id or 0, cleaned)
        exact = [p for p in matches if p.handle.lower() == cleaned.lower()]
        if len(exact) == 1:
            return exact[0]
        if not matches:
            raise NotFound(_("I don't know @{name} here. Check the spelling, or ask them to say hi to me first.",
                             name=cleaned))
        if len(matches) > 1:
            names = ", ".join(p.mention for p in matches[:5])
            raise InvalidInput(_("@{name} could be {names}. Which one? Use the exact handle.", name=cleaned,
                                 names=names))

        return matches[0]

    def people(self, ids: Iterable[int]) -> dict[int, Person]:
        """People by id, each read from storage at most once per command (the speaker is `me`)."""
        wanted = set(ids)
        missing = wanted - self._known.keys()
        if missing:
            self._known.update(self.uow.people.many(missing))
        self._known[self.me.id or 0] = self.me
        return {i: self._known[i] for i in wanted | {self.me.id or 0} if i in self._known}

    def card(self, task: Task, reader: Person | None = None) -> Card:
        people = self.people(task.participants())
        project = self.uow.projects.get(task.project_id) if task.project_id else None
        return task_card(task, people, reader or self.me, self.now, project.name if project else None)

    def log(self, task: Task, verb: str, detail: str = "") -> None:
        """A line of the task's history, stored in English whoever wrote it (verbs are translated when shown)."""
        self.uow.activity.add(Activity(task.id or 0, self.me.id, verb, retold(detail, SOURCE), self.now))
        self.logged.append((task, verb, detail))

    def plan(self, task: Task) -> None:
        """Re-plan the task's reminders and follow-ups after a change."""
        people = self.people({task.owner_id, task.requester_id})
        plan_task(task, people[task.owner_id], people[task.requester_id], self.now, self.policy, self.holidays)

    def touch(self, task: Task) -> None:
        """Save a changed task, with its schedule re-planned."""
        task.updated_at = self.now
        self.plan(task)
        self.uow.tasks.save(task)
        if task.id is not None:
            self.touched[task.id] = task

    def notify(self, recipient_id: int, kind: str, text: str, task: Task | None = None,
               actions: tuple[Action, ...] = (), urgent: bool = False) -> None:
        """Tell someone other than the speaker; the speaker already sees the reply."""
        if recipient_id == self.me.id:
            return
        reader = self.people([recipient_id]).get(recipient_id)
        if reader is not None and not reader.active:
            return  # deactivated people get no notices
        lang = reader.lang if reader is not None else language()
        with speaking_to(lang):
            card = self.card(task, reader) if task is not None and reader is not None else None
        text = retold(text, lang)
        actions = tuple(replace(a, label=retold(a.label, lang)) for a in actions)
        key = f"{kind}:{task.id if task else 0}:{recipient_id}:{uuid4().hex}"
        self.notices.append(Notice(recipient_id, kind, text, task.id if task else None, card, actions,
                                   urgent, key))
