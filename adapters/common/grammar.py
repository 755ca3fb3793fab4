"""The one `/task` grammar for every adapter: text after the command word -> a core command."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from adapters.common.help import COMMANDS
from adapters.common.typos import one_typo
from core import commands as c
from core import i18n
from core.errors import InvalidInput
from core.tasks import parse_ref
from core.validation import limits
from core.validation.text import clean

COMMAND = "/task"


@dataclass(frozen=True)
class HelpRequest(c.Command):
    """Not a core command: the adapter answers it with the help text."""

    topic: str = ""


def parse_command(text: str) -> c.Command | HelpRequest:
    """Read "/task done T-3" or "done T-3" into a command; explain what is wrong otherwise.
    Words that start with no command ("/task @sam send the report by friday") are a request, read like a
    mention (a card to confirm); a first word one typo away from a command is asked about instead."""
    text = limits.within(clean(text), limits.LINE, i18n.N_("command"),
                         i18n.N_("Put long text in a task's notes or in comments."))

    head, _, tail = text.strip().partition(" ")
    if head.startswith("/"):
        if head.lower() != COMMAND:
            raise InvalidInput(_not_task(head, tail))
        words = tail.strip()
    else:
        words = text.strip()
    verb, _, rest = words.partition(" ")
    verb = verb.lower()
    if not verb:
        return HelpRequest()
    parser = _PARSERS.get(verb)
    if parser is not None:
        return parser(rest.strip())
    close = [known for known in _PARSERS if one_typo(verb, known)] if len(verb) > 1 else []
    if close:
        raise InvalidInput(i18n._("I don't know '/task {verb}'. Did you mean /task {close}? If you are asking for "
                                  "something, say it as a request: /task add {words}", verb=verb[:40], close=close[0],
                                  words=words[:80]))
    return c.DraftRequest(words, privately=True)


def _not_task(head: str, tail: str) -> str:
    shown = f"{COMMAND} {tail.strip()}".strip()[:80]
    if one_typo(head.lower(), COMMAND):
        return i18n._("Did you mean {shown}? Tandem's command is {command}; type {command} help to see what it does.",
                      shown=shown, command=COMMAND)
    return i18n._("I only know {command}. Try {command} help (you typed {typed}).", command=COMMAND, typed=head[:40])


def _ref_and_rest(rest: str, verb: str, needs_rest: bool = False) -> tuple[int, str]:
    first, _, tail = rest.partition(" ")
    if not first:
        raise InvalidInput(i18n._("Which task? Example: {example}",
                                  example=COMMANDS.get(verb, ("/task " + verb + " T-3", ""))[0]))
    number = parse_ref(first)
    if needs_rest and not tail.strip():
        raise InvalidInput(i18n._("Something is missing. Example: {example}",
                                  example=COMMANDS.get(verb, ("/task " + verb, ""))[0]))
    return number, tail.strip()


def _ref_and_names(rest: str) -> tuple[int, tuple[str, ...]]:
    number, tail = _ref_and_rest(rest, "rotate", needs_rest=True)
    return number, tuple(name for name in tail.replace(",", " ").split() if name.lower() != "and")


def _add(rest: str) -> c.Command:
    private = "--private" in rest.split()
    text = " ".join(w for w in rest.split() if w != "--private")
    if not text:
        raise InvalidInput(i18n._("What needs doing? Example: /task add @alice send the Q3 report by friday"))
    return c.AddTask(text, private=private)


LIST_VIEWS = ("mine", "inbox", "waiting", "here", "overdue", "all", "project", "search", "more")


def _list(rest: str) -> c.Command:
    """list [view] [filters]: the words are read by the core (no view word: my work, all words are filters)."""
    view, _, argument = rest.strip().partition(" ")
    if view.lower() not in LIST_VIEWS:
        return c.ListTasks("", rest.strip())
    return c.ListTasks(view.lower(), argument.strip())


def _no_more(verb: str, extra: str, right: str) -> None:
    """Words where a command takes none are not dropped silently: the right form is shown."""
    if extra.strip():
        shown = " ".join(extra.split())[:60]
        raise InvalidInput(i18n._("/task {verb} takes nothing after that, and I won't ignore '{shown}'. "
                                  "The form is: {right}", verb=verb, shown=shown, right=right))


def _one(make: Callable[[int], c.Command], verb: str) -> Callable[[str], c.Command]:
    def parse(rest: str) -> c.Command:
        number, tail = _ref_and_rest(rest, verb)
        _no_more(verb, tail, COMMANDS.get(verb, (f"/task {verb} T-3", ""))[0])
        return make(number)
    return parse


def _with_text(make: Callable[[int, str], c.Command], verb: str, required: bool) -> Callable[[str], c.Command]:
    def parse(rest: str) -> c.Command:
        number, tail = _ref_and_rest(rest, verb, needs_rest=required)
        return make(number, tail)
    return parse


SUBTASK_CHOICES = {"--all": "all", "--keep": "keep"}


def _done(rest: str) -> c.Command:
    """done T-3 [note], with --all or --keep for a parent whose subtasks are open."""
    number, tail = _ref_and_rest(rest, "done")
    choices = [SUBTASK_CHOICES[w] for w in tail.split() if w in SUBTASK_CHOICES]
    note = " ".join(w for w in tail.split() if w not in SUBTASK_CHOICES)
    return c.CompleteTask(number, note, choices[0] if choices else "")


def _edit(rest: str) -> c.Command:
    number, tail = _ref_and_rest(rest, "edit", needs_rest=True)
    field, _, value = tail.partition(" ")
    return c.EditTask(number, field.lower(), value)


PROJECT_FORMS = {"new": ("/task project new NAME [GOAL]", 2), "create": ("/task project new NAME [GOAL]", 2),
                 "list": ("/task project list", 0), "": ("/task project list", 0),
                 "status": ("/task project status NAME", 1), "join": ("/task project join NAME [@person]", 2)}


def _project(rest: str) -> c.Command:
    action, _, tail = rest.partition(" ")
    args = tail.split()
    form = PROJECT_FORMS.get(action)
    if form is not None and len(args) > form[1]:
        _no_more(f"project {action}".strip(), " ".join(args[form[1]:]), form[0])
    if action in ("new", "create") and args:
        private = "--private" in args
        args = [a for a in args if a != "--private"] or [""]
        return c.CreateProject(args[0], args[1] if len(args) > 1 else None, private=private)
    if action in ("", "list"):
        return c.ListProjects()
    if action == "status" and args:
        return c.ProjectStatusQuery(args[0])
    if action == "join" and args:
        return c.JoinProject(args[0], args[1] if len(args) > 1 else None)
    if action == "goal" and len(args) == 2:
        return c.SetProjectGoal(args[0], args[1])
    raise InvalidInput(i18n._("Project commands: {example}", example=COMMANDS["project"][0]))


def _goal(rest: str) -> c.Command:
    action, _, tail = rest.partition(" ")
    action = action.lower()
    if action in ("add", "new", "create") and tail.strip():
        return c.CreateGoal(*_goal_spec(tail))
    if action == "edit" and tail.strip():
        return c.EditGoal(*_goal_spec(tail))
    if action == "status" and tail.strip():
        return c.GoalStatus(tail.strip())
    if action in ("", "list"):
        _no_more("goal list", tail, "/task goal list")
        return c.ListGoals()
    raise InvalidInput(i18n._("Goal commands: {example}", example=COMMANDS["goal"][0]))


def _goal_spec(text: str) -> tuple[str, str, str, str]:
    """"launch by 30 apr owner @bob — ship it" -> ("launch", "30 apr", "@bob", "ship it")."""
    head, description = text, ""
    for dash in (" — ", " -- ", "—"):
        if dash in text:
            head, _, description = text.partition(dash)
            break
    name, *words = head.split()
    target: list[str] = []
    owner = ""
    while words:
        word = words.pop(0)
        if word.lower() == "owner" and words:
            owner = words.pop(0)
        elif word.lower() == "by" and not target and words:
            target.append(words.pop(0))
            while words and words[0].lower() != "owner":
                target.append(words.pop(0))
        else:
            raise InvalidInput(i18n._("I can't place '{word}'. Example: {example}", word=word,
                                      example=COMMANDS["goal"][0]))
    return name, " ".join(target), owner, description.strip()


def _calendar(rest: str) -> c.Command:
    word, _, extra = rest.strip().partition(" ")
    if word.lower() not in ("", "reset"):
        _no_more("calendar", rest, COMMANDS["calendar"][0])
    _no_more("calendar", extra, COMMANDS["calendar"][0])
    return c.CalendarLink(reset=word.lower() == "reset")


THREAD_UPDATES = ("thread-updates", "thread_updates", "threadupdates")


def _settings(rest: str) -> c.Command:
    setting, _, value = rest.partition(" ")
    if setting.lower() == "intake":
        return _intake(value)
    if setting.lower() == "notices":
        if not value.strip():
            raise InvalidInput(i18n._("Say how: {example}", example=COMMANDS["notices"][0]))
        return c.SetNotices(value.strip())
    if not setting:
        return c.ShowSettings()
    if setting.lower() == "calendar":
        return _calendar(value)
    if not value.strip():
        raise InvalidInput(i18n._("Give a value: {example}", example=COMMANDS["settings"][0]))
    if setting.lower() in THREAD_UPDATES:
        return c.SetThreadUpdates(value.strip())
    return c.UpdateSettings(setting, value)


def _intake(rest: str) -> c.Command:
    """"@design round-robin", "@design join": a group's intake (the group first, as it is mentioned)."""
    group, _, action = rest.strip().partition(" ")
    if not group:
        raise InvalidInput(i18n._("Say which group: {example}", example=COMMANDS["intake"][0]))
    return c.GroupIntake(group, action.strip())


CHANNEL = re.compile(r"^(?:<#(\w+)(?:\|([^>]*))?>|#([\w.\-]+))$")


def _channel(token: str) -> tuple[str, str] | None:
    """A channel named in a command: Slack's <#C123|general>, Discord's <#123>, or the console's #room."""
    found = CHANNEL.match(token)
    if found is None:
        return None
    if found.group(3):
        return found.group(3).lower(), found.group(3).lower()
    return found.group(1), found.group(2) or ""


def _remind(rest: str) -> c.Command:
    """remind [#channel] <text> <when> | remind list [#channel] | remind cancel R-3."""
    first, _, tail = rest.strip().partition(" ")
    if first.lower() == "list":
        where = _channel(tail.strip()) if tail.strip() else ("", "")
        if where is None:
            raise InvalidInput(i18n._("Say which channel, e.g. /task remind list #general"))
        return c.ListChannelReminders(*where)
    if first.lower() == "cancel":
        number = tail.strip().upper().removeprefix("R-").removeprefix("R")
        if not number.isdigit():
            raise InvalidInput(i18n._("Say which reminder, by the number I gave it: /task remind cancel R-3"))
        return c.CancelChannelReminder(int(number))
    where = _channel(first)
    if where is None:
        where, tail = ("", ""), rest.strip()
    if not tail.strip():
        raise InvalidInput(i18n._("Say what to post and when: {example}", example=COMMANDS["remind"][0]))
    return c.RemindChannel(where[0], tail.strip(), where[1])


ADMIN_FORMS = {
    "settings": "/task admin settings [tz Europe/Berlin | days mon-fri | hours 09:00-17:30 | digest 08:30 | "
                "holidays DE-BY | lang de]",
    "promote": "/task admin promote @person", "demote": "/task admin demote @person",
    "deactivate": "/task admin deactivate @person [to @someone]", "reactivate": "/task admin reactivate @person",
    "export": "/task admin export @person", "forget": "/task admin forget @person",
    "audit": "/task admin audit [page]",
}
ADMIN_ONE_PERSON: dict[str, Callable[[str], c.Command]] = {
    "promote": c.PromoteAdmin, "demote": c.DemoteAdmin, "reactivate": c.ReactivatePerson, "export": c.ExportPerson,
}


def _admin(rest: str) -> c.Command:
    """admin settings|promote|demote|deactivate|reactivate|export|forget|audit ..."""
    action, _, tail = rest.partition(" ")
    action, args = action.lower(), tail.split()
    if action not in ADMIN_FORMS:
        raise InvalidInput(i18n._("Admin commands: {forms}", forms="; ".join(ADMIN_FORMS.values())))
    form = ADMIN_FORMS[action]
    if action == "settings":
        setting, _, value = tail.strip().partition(" ")
        return c.AdminSettings(setting, value.strip())
    if action == "audit":
        if len(args) > 1 or (args and not args[0].isdigit()):
            raise InvalidInput(i18n._("The form is: {form}", form=form))
        return c.ShowAudit(int(args[0]) if args else 1)
    if not args:
        raise InvalidInput(i18n._("Say who: {form}", form=form))
    if action == "deactivate":
        if len(args) == 3 and args[1].lower() == "to":
            return c.DeactivatePerson(args[0], args[2])
        if len(args) > 1:
            _no_more("admin deactivate", " ".join(args[1:]), form)
        return c.DeactivatePerson(args[0])
    if action == "forget":
        flags = {"--confirm", "--keep"}
        if len(args) > 2 or any(a not in flags for a in args[1:]):
            _no_more("admin forget", " ".join(a for a in args[1:] if a not in flags) or " ".join(args[1:]), form)
        return c.ForgetPerson(args[0], confirmed="--confirm" in args[1:], keep="--keep" in args[1:])
    if len(args) > 1:
        _no_more(f"admin {action}", " ".join(args[1:]), form)
    return ADMIN_ONE_PERSON[action](args[0])


def _draft_id(rest: str) -> tuple[int, str]:
    first, _, tail = rest.partition(" ")
    if not first.isdigit():
        raise InvalidInput(i18n._("That needs the request number from the card, e.g. /task confirm 4"))
    return int(first), tail.strip()


def _draft_only(make: Callable[[int], c.Command], verb: str) -> Callable[[str], c.Command]:
    def parse(rest: str) -> c.Command:
        number, tail = _draft_id(rest)
        _no_more(verb, tail, i18n._("/task {verb} 4 (the number on the card's button)", verb=verb))

        return make(number)
    return parse


def _help(rest: str) -> HelpRequest:
    topic = rest.strip().lower().removeprefix("/task").strip()
    if topic and topic not in COMMANDS:
        close = difflib.get_close_matches(topic, list(COMMANDS), n=1, cutoff=0.6)
        if close:
            raise InvalidInput(i18n._("I have no help on '{topic}'. Did you mean /task help {close}? /task help lists "
                                      "every command.", topic=topic[:40], close=close[0]))
        raise InvalidInput(i18n._("I have no help on '{topic}'. /task help lists every command.", topic=topic[:40]))

    return HelpRequest(topic)


_PARSERS: dict[str, Callable[[str], c.Command | HelpRequest]] = {
    "add": _add,
    "list": _list,
    "ls": _list,
    "show": _one(c.ShowTask, "show"),
    "done": _done,
    "reopen": _with_text(c.ReopenTask, "reopen", required=False),
    "start": _one(lambda n: c.SetStatus(n, "start"), "start"),
    "block": _one(lambda n: c.SetStatus(n, "blocked"), "block"),
    "undo": _one(c.UndoAdd, "undo"),
    "cancel": _with_text(c.CancelTask, "cancel", required=False),
    "edit": _edit,
    "assign": _with_text(c.AssignTask, "assign", required=True),
    "due": _with_text(c.SetDue, "due", required=True),
    "accept": _with_text(lambda n, rest: c.AcceptTask(n, rest), "accept", required=False),
    "propose": _with_text(c.ProposeDue, "propose", required=True),
    "decline": _with_text(c.DeclineTask, "decline", required=False),
    "comment": _with_text(c.CommentOnTask, "comment", required=True),
    "watch": _one(c.WatchTask, "watch"),
    "unwatch": _one(lambda n: c.WatchTask(n, watch=False), "watch"),
    "visibility": _with_text(c.SetVisibility, "visibility", required=True),
    "project": _project,
    "goal": _goal,
    "portfolio": lambda rest: c.ShowPortfolio(),
    "stats": lambda rest: c.ShowStats(rest.strip()),
    "settings": _settings,
    "calendar": _calendar,
    "admin": _admin,
    "confirm": lambda rest: c.ConfirmDraft(*_draft_id(rest)),
    "discard": _draft_only(c.DiscardDraft, "discard"),
    "revise": lambda rest: c.ReviseDraft(*_draft_id(rest)),
    "snooze": _with_text(c.SnoozeTask, "snooze", required=True),
    "away": lambda rest: c.SetAway(rest),
    "digest": lambda rest: c.DigestCommand(rest),
    "repeat": _with_text(c.SetRepeat, "repeat", required=True),
    "claim": _one(c.ClaimRequest, "claim"),
    "intake": _intake,
    "remind": _remind,
    "rotate": lambda rest: c.SetRotation(*_ref_and_names(rest)),
    "help": _help,
}
