"""Modals for buttons with a blank (propose, decline, snooze, edit, fill in) and reading their submissions."""
from __future__ import annotations

import json
from typing import Any

from adapters.common.buttons import PLACEHOLDER, prefill, words
from core import i18n
from core.commands import AcceptTask, Command, DeclineTask, ProposeDue, ReviseDraft, SnoozeTask
from core.tasks import parse_ref

View = dict[str, Any]
TITLE_LIMIT = 24
SNOOZES = ((i18n.N_("1 hour"), "1h"), (i18n.N_("3 hours"), "3h"), (i18n.N_("Tomorrow"), "tomorrow"),
           (i18n.N_("Next Monday"), "monday"))
REQUIRED = {"propose": ("date",), "accept": ("date",), "decline": ("reason",), "snooze": ("when",),
            "revise": ("text",), "fill": ("text",)}
TITLES = {"propose": i18n.N_("Propose a date"), "accept": i18n.N_("Accept with my date"), "decline": i18n.N_("Decline"),
          "snooze": i18n.N_("Snooze"), "revise": i18n.N_("Edit the request")}
NO_REF_IN_TITLE = ("revise",)  # a draft's number is internal: never shown


def modal_for(command: str, meta: dict[str, Any]) -> View:
    """The modal that fills in the blanks of a button's command, in the reader's language; `meta` rides along in
    private_metadata."""
    verb, ref, _ = words(command)
    kind = verb if verb in TITLES else "fill"
    blocks = {
        "propose": lambda: [_date("date", i18n._("Date")), _time("time", i18n._("Time (optional)")),
                            _text("note", i18n._("Note (optional)"), optional=True)],
        "accept": lambda: [_date("date", i18n._("By when can you do it?")), _time("time", i18n._("Time (optional)")),
                           _text("note", i18n._("Note (optional)"), optional=True)],
        "decline": lambda: [_text("reason", i18n._("Why not?"), multiline=True)],
        "snooze": lambda: [_select("when", i18n._("Remind me again"),
                                   tuple((i18n._(shown), value) for shown, value in SNOOZES))],

        "revise": lambda: [_text("text", i18n._("The request"), multiline=True, initial=prefill(command))],
        "fill": lambda: [_text("text", _blank(command))],
    }[kind]()
    title = i18n._(TITLES[kind]) if kind in TITLES else verb.capitalize() or "Tandem"
    if kind not in NO_REF_IN_TITLE and len(f"{title} {ref}") <= TITLE_LIMIT:
        title = f"{title} {ref}".strip()
    return modal(f"tandem:{kind}", title, blocks, {**meta, "command": command})


def modal(callback_id: str, title: str, blocks: list[View], meta: dict[str, Any]) -> View:
    return {"type": "modal", "callback_id": callback_id, "title": _plain(title[:TITLE_LIMIT]),
            "submit": _plain(i18n._("Send")), "close": _plain(i18n._("Cancel")), "blocks": blocks,
            "private_metadata": json.dumps(meta)[:3000]}


def submitted(kind: str, command: str, values: dict[str, Any]) -> Command | str:
    """The command a submitted modal stands for (or, for a plain blank, the filled-in command text)."""
    ref = words(command)[1]
    when = " ".join(v for v in (read(values, "date"), read(values, "time")) if v)
    if kind == "propose":
        return ProposeDue(parse_ref(ref), when, read(values, "note"))
    if kind == "accept":
        return AcceptTask(parse_ref(ref), when, read(values, "note"))
    if kind == "decline":
        return DeclineTask(parse_ref(ref), read(values, "reason"))
    if kind == "snooze":
        return SnoozeTask(parse_ref(ref), read(values, "when"))
    if kind == "revise":
        return ReviseDraft(int(ref), read(values, "text"))
    filled = PLACEHOLDER.sub(lambda _: "", PLACEHOLDER.sub(read(values, "text"), command, count=1))
    return " ".join(filled.split())


def missing(kind: str, values: dict[str, Any]) -> dict[str, str]:
    """Field errors for required blanks left empty (or only spaces), by block id, as `response_action: errors` wants."""
    return {block: i18n._("Please fill this in.") for block in REQUIRED.get(kind, ()) if not read(values, block)}


def read(values: dict[str, Any], block: str) -> str:
    """The value of a block's input, whatever its kind (text, date, time, select, user)."""
    element = values.get(block, {}).get("value", {})
    for key in ("value", "selected_date", "selected_time", "selected_user"):
        if element.get(key):
            return str(element[key]).strip()
    option = element.get("selected_option") or {}
    return str(option.get("value") or "")


def _blank(command: str) -> str:
    found = PLACEHOLDER.search(command)
    return found.group(0).strip("<>[]@").capitalize() if found else i18n._("Details")



def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _input(block: str, label: str, element: View, optional: bool = False) -> View:
    return {"type": "input", "block_id": block, "label": _plain(label), "optional": optional,
            "element": {**element, "action_id": "value"}}


def _date(block: str, label: str, initial: str | None = None, optional: bool = False) -> View:
    element: View = {"type": "datepicker"}
    if initial:
        element["initial_date"] = initial
    return _input(block, label, element, optional)


def _time(block: str, label: str) -> View:
    return _input(block, label, {"type": "timepicker"}, optional=True)


def _text(block: str, label: str, multiline: bool = False, initial: str = "", optional: bool = False) -> View:
    element: View = {"type": "plain_text_input", "multiline": multiline}
    if initial:
        element["initial_value"] = initial
    return _input(block, label, element, optional)


def _select(block: str, label: str, choices: tuple[tuple[str, str], ...]) -> View:
    options = [{"text": _plain(text), "value": value} for text, value in choices]
    return _input(block, label, {"type": "static_select", "options": options})


def user_select(block: str, label: str, initial: str | None) -> View:
    element: View = {"type": "users_select"}
    if initial:
        element["initial_user"] = initial
    return _input(block, label, element)


date_input = _date
text_input = _text
