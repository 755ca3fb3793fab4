"""Commands: what a person asks Tandem to do, already translated from any platform's words."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Speaker:
    """Who is speaking, in which workspace and conversation."""

    workspace_id: int
    person_id: int
    conversation: str | None = None
    message: str | None = None
    link: str | None = None
    lang: str = ""  # the language the speaker reads, for words said before the core loads them (parse errors)


@dataclass(frozen=True)
class Command:
    """Base of every command."""


@dataclass(frozen=True)
class AddTask(Command):
    """Create directly from free text: "@bob send the report by friday !high #q3"."""

    text: str
    private: bool = False


@dataclass(frozen=True)
class DraftRequest(Command):
    """Read a request said to the bot and show it back for confirmation before creating. `privately`: the card
    is shown only to the speaker (a `/task <request>` command), not to the conversation (a mention)."""

    text: str
    privately: bool = False


@dataclass(frozen=True)
class Converse(Command):
    """A direct message to Tandem in plain words: a question about one's work, a change to a task, or a request."""

    text: str


@dataclass(frozen=True)
class ReactDone(Command):
    """A ✅ added to a message on `platform`: the task that message shows is done, when the one reacting owns it."""

    platform: str
    channel: str
    message: str


@dataclass(frozen=True)
class RememberCard(Command):
    """A task's card shown to a whole conversation (e.g. a request card created in a thread), kept so the card can
    be edited in place and a ✅ on it understood."""

    number: int
    platform: str
    channel: str
    message: str


@dataclass(frozen=True)
class SetThreadUpdates(Command):
    """Whether the answers to a task are posted in the thread it was asked in: "on" or "off" (admins only)."""

    value: str


@dataclass(frozen=True)
class ConfirmDraft(Command):
    """Create what a draft card showed; `when` (the date chosen when the one said was in the past) replaces its date."""

    draft_id: int
    when: str = ""


@dataclass(frozen=True)
class DiscardDraft(Command):
    draft_id: int


@dataclass(frozen=True)
class ReviseDraft(Command):
    draft_id: int
    text: str


@dataclass(frozen=True)
class TaskCommand(Command):
    """A command about one task, named by its reference number."""

    number: int


@dataclass(frozen=True)
class ShowTask(TaskCommand):
    pass


@dataclass(frozen=True)
class CompleteTask(TaskCommand):
    """Mark a task done. A parent with open subtasks needs `subtasks`: "all" (complete them too) or "keep"."""

    note: str = ""
    subtasks: str = ""


@dataclass(frozen=True)
class ReopenTask(TaskCommand):
    reason: str = ""


@dataclass(frozen=True)
class CancelTask(TaskCommand):
    reason: str = ""


@dataclass(frozen=True)
class UndoAdd(TaskCommand):
    pass


@dataclass(frozen=True)
class SetStatus(TaskCommand):
    status: str


@dataclass(frozen=True)
class EditTask(TaskCommand):
    """Change one field: title, notes, priority, project, labels, private."""

    field: str
    value: str


@dataclass(frozen=True)
class AssignTask(TaskCommand):
    assignee: str


@dataclass(frozen=True)
class SetDue(TaskCommand):
    when: str


@dataclass(frozen=True)
class AcceptTask(TaskCommand):
    """The owner accepts a request (optionally with their own date), or the requester accepts a proposed date."""

    when: str = ""
    note: str = ""


@dataclass(frozen=True)
class ProposeDue(TaskCommand):
    """The owner proposes another date, or the requester counters a proposal."""

    when: str
    note: str = ""


@dataclass(frozen=True)
class DeclineTask(TaskCommand):
    reason: str


@dataclass(frozen=True)
class SetVisibility(TaskCommand):
    """Widen or narrow who sees a task: "workspace", "conversation" or "private"."""

    level: str


@dataclass(frozen=True)
class CommentOnTask(TaskCommand):
    text: str


@dataclass(frozen=True)
class WatchTask(TaskCommand):
    watch: bool = True


@dataclass(frozen=True)
class Checked(Command):
    """A task command from a button: run only while the task is as it was when the button was offered."""

    command: TaskCommand
    version: str


@dataclass(frozen=True)
class SuggestTasks(Command):
    """Tasks the speaker can see whose title or reference starts with (or contains) `text`: for autocomplete."""

    text: str = ""
    limit: int = 25


@dataclass(frozen=True)
class SuggestPeople(Command):
    """People of the speaker's workspace whose handle or name starts with `text`: for autocomplete."""

    text: str = ""
    limit: int = 25


@dataclass(frozen=True)
class ListTasks(Command):
    """My work (no view), or a view: mine, inbox, waiting, here, overdue, project <name>, search <text>, all;
    `argument` holds the filters (@person #project +label !high done "due this week" overdue), or "more"."""

    view: str = ""
    argument: str = ""


@dataclass(frozen=True)
class CreateProject(Command):
    name: str
    goal: str | None = None
    private: bool = False


@dataclass(frozen=True)
class ProjectStatusQuery(Command):
    name: str


@dataclass(frozen=True)
class ListProjects(Command):
    pass


@dataclass(frozen=True)
class JoinProject(Command):
    name: str
    member: str | None = None


@dataclass(frozen=True)
class CreateGoal(Command):
    """`target`, `owner` and `description` as typed; the handler reads the date in the speaker's zone."""

    name: str
    target: str = ""
    owner: str = ""
    description: str = ""


@dataclass(frozen=True)
class EditGoal(Command):
    """Change what is given (an empty field stays as it is)."""

    name: str
    target: str = ""
    owner: str = ""
    description: str = ""


@dataclass(frozen=True)
class SetProjectGoal(Command):
    project: str
    goal: str  # "none" takes the project out of its goal


@dataclass(frozen=True)
class GoalStatus(Command):
    name: str


@dataclass(frozen=True)
class ShowPortfolio(Command):
    pass


@dataclass(frozen=True)
class ShowStats(Command):
    """Commitment health of a person (@name), a project (#name), or the speaker (empty)."""

    subject: str = ""


@dataclass(frozen=True)
class ListGoals(Command):
    pass


@dataclass(frozen=True)
class UpdateSettings(Command):
    """Personal settings: tz, hours, days, lang."""

    setting: str
    value: str


@dataclass(frozen=True)
class ShowSettings(Command):
    pass


@dataclass(frozen=True)
class CalendarLink(Command):
    """The speaker's private calendar feed address; `reset` revokes the old address and makes a new one."""

    reset: bool = False


@dataclass(frozen=True)
class SnoozeTask(TaskCommand):
    """Hold the reminder: "2h", "tomorrow", "monday"."""

    when: str


@dataclass(frozen=True)
class SetAway(Command):
    """"until 2026-04-10", or "off" to come back."""

    until: str


@dataclass(frozen=True)
class DigestCommand(Command):
    """"now", "off", "on", or "at 08:30 mon-thu"."""

    action: str


@dataclass(frozen=True)
class SetRepeat(TaskCommand):
    """How a recurring task repeats: "every monday", "on done", "on schedule", "off"."""

    how: str


@dataclass(frozen=True)
class SetRotation(TaskCommand):
    """Whose turn it is next: the people to rotate the owner through, in order."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class ClaimRequest(TaskCommand):
    """A member of the group a request was asked of takes it; the first claim wins."""


@dataclass(frozen=True)
class GroupIntake(Command):
    """How a group takes requests, and who is in its intake: "round-robin", "open", "join", "leave", or "" to show."""

    group: str
    action: str = ""


@dataclass(frozen=True)
class RemindChannel(Command):
    """Post `text` (which ends with when, maybe a repeat) in conversation `channel` ("" = here) at that time."""

    channel: str
    text: str
    channel_name: str = ""


@dataclass(frozen=True)
class ListChannelReminders(Command):
    """The reminders still to post in `channel` ("" = here)."""

    channel: str = ""
    channel_name: str = ""


@dataclass(frozen=True)
class CancelChannelReminder(Command):
    number: int


@dataclass(frozen=True)
class SetNotices(Command):
    """How non-urgent notices reach the speaker: "now", "every 30m", "digest"."""

    how: str


@dataclass(frozen=True)
class AdminSettings(Command):
    """The workspace's defaults for newcomers: shown (no setting), or one changed (tz, days, hours, digest,
    holidays, lang)."""

    setting: str = ""
    value: str = ""


@dataclass(frozen=True)
class PromoteAdmin(Command):
    person: str


@dataclass(frozen=True)
class DemoteAdmin(Command):
    person: str


@dataclass(frozen=True)
class DeactivatePerson(Command):
    """Their open work goes to `to` when given, else back to whoever asked for it."""

    person: str
    to: str = ""


@dataclass(frozen=True)
class ReactivatePerson(Command):
    person: str


@dataclass(frozen=True)
class ExportPerson(Command):
    person: str


@dataclass(frozen=True)
class ForgetPerson(Command):
    """Erase a person's personal data; without `confirmed`, a card asks first."""

    person: str
    confirmed: bool = False
    keep: bool = False


@dataclass(frozen=True)
class ShowAudit(Command):
    page: int = 1
