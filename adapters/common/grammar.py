"""The one `/task` grammar for every adapter: text after the command word -> a core command."""
from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from adapters.common.help import COMMANDS
from core import commands as c
from core.errors import InvalidInput
from core.tasks import parse_ref


@dataclass(frozen=True)
class HelpRequest(c.Command):
    """Not a core command: the adapter answers it with the help text."""

    topic: str = ""


def parse_command(text: str) -> c.Command | HelpRequest:
    """Read "/task done T-3" or "done T-3" into a command; explain what is wrong otherwise."""
    words = text.strip().removeprefix("/task").strip()
    verb, _, rest = words.partition(" ")
    verb = verb.lower()
    if not verb:
        return HelpRequest()
    parser = _PARSERS.get(verb)
    if parser is None:
        raise InvalidInput(_unknown(verb))
    return parser(rest.strip())


def _unknown(verb: str) -> str:
    close = difflib.get_close_matches(verb, list(_PARSERS), n=1, cutoff=0.6)
    hint = f" Did you mean /task {close[0]}?" if close else ""
    return f"I don't know '/task {verb}'.{hint} Type /task help to see every command."


def _ref_and_rest(rest: str, verb: str, needs_rest: bool = False) -> tuple[int, str]:
    first, _, tail = rest.partition(" ")
    if not first:
        raise InvalidInput(f"Which task? Example: {COMMANDS.get(verb, ('/task ' + verb + ' T-3', ''))[0]}")
    number = parse_ref(first)
    if needs_rest and not tail.strip():
        raise InvalidInput(f"Something is missing. Example: {COMMANDS.get(verb, ('/task ' + verb, ''))[0]}")
    return number, tail.strip()


def _ref_and_names(rest: str) -> tuple[int, tuple[str, ...]]:
    number, tail = _ref_and_rest(rest, "rotate", needs_rest=True)
    return number, tuple(name for name in tail.replace(",", " ").split() if name.lower() != "and")


def _add(rest: str) -> c.Command:
    private = "--private" in rest.split()
    text = " ".join(w for w in rest.split() if w != "--private")
    if not text:
        raise InvalidInput("What needs doing? Example: /task add @alice send the Q3 report by friday")
    return c.AddTask(text, private=private)


def _list(rest: str) -> c.Command:
    view, _, argument = rest.partition(" ")
    return c.ListTasks(view.lower() or "mine", argument)


def _one(make: Callable[[int], c.Command], verb: str) -> Callable[[str], c.Command]:
    return lambda rest: make(_ref_and_rest(rest, verb)[0])


def _with_text(make: Callable[[int, str], c.Command], verb: str, required: bool) -> Callable[[str], c.Command]:
    def parse(rest: str) -> c.Command:
        number, tail = _ref_and_rest(rest, verb, needs_rest=required)
        return make(number, tail)
    return parse


def _edit(rest: str) -> c.Command:
    number, tail = _ref_and_rest(rest, "edit", needs_rest=True)
    field, _, value = tail.partition(" ")
    return c.EditTask(number, field.lower(), value)


def _project(rest: str) -> c.Command:
    action, _, tail = rest.partition(" ")
    args = tail.split()
    if action in ("new", "create") and args:
        return c.CreateProject(args[0], args[1] if len(args) > 1 else None)
    if action in ("", "list"):
        return c.ListProjects()
    if action == "status" and args:
        return c.ProjectStatusQuery(args[0])
    if action == "join" and args:
        return c.JoinProject(args[0], args[1] if len(args) > 1 else None)
    raise InvalidInput(f"Project commands: {COMMANDS['project'][0]}")


def _goal(rest: str) -> c.Command:
    action, _, tail = rest.partition(" ")
    if action in ("new", "create") and tail.strip():
        return c.CreateGoal(tail.strip())
    if action in ("", "list"):
        return c.ListGoals()
    raise InvalidInput(f"Goal commands: {COMMANDS['goal'][0]}")


def _settings(rest: str) -> c.Command:
    setting, _, value = rest.partition(" ")
    if not setting:
        return c.ShowSettings()
    if not value.strip():
        raise InvalidInput(f"Give a value: {COMMANDS['settings'][0]}")
    return c.UpdateSettings(setting, value)


def _draft_id(rest: str) -> tuple[int, str]:
    first, _, tail = rest.partition(" ")
    if not first.isdigit():
        raise InvalidInput("That needs the request number from the card, e.g. /task confirm 4")
    return int(first), tail.strip()


_PARSERS: dict[str, Callable[[str], c.Command | HelpRequest]] = {
    "add": _add,
    "list": _list,
    "ls": _list,
    "show": _one(c.ShowTask, "show"),
    "done": _one(c.CompleteTask, "done"),
    "reopen": _one(c.ReopenTask, "reopen"),
    "start": _one(lambda n: c.SetStatus(n, "start"), "start"),
    "block": _one(lambda n: c.SetStatus(n, "blocked"), "start"),
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
    "project": _project,
    "goal": _goal,
    "settings": _settings,
    "confirm": lambda rest: c.ConfirmDraft(_draft_id(rest)[0]),
    "discard": lambda rest: c.DiscardDraft(_draft_id(rest)[0]),
    "revise": lambda rest: c.ReviseDraft(*_draft_id(rest)),
    "snooze": _with_text(c.SnoozeTask, "snooze", required=True),
    "away": lambda rest: c.SetAway(rest),
    "digest": lambda rest: c.DigestCommand(rest),
    "repeat": _with_text(c.SetRepeat, "repeat", required=True),
    "rotate": lambda rest: c.SetRotation(*_ref_and_names(rest)),
    "help": lambda rest: HelpRequest(rest.strip().lower()),
}
