"""The App Home view: my work (the core's paged list) laid out as headers, project lines and tasks, with buttons."""
from __future__ import annotations

import re
from typing import Any

from adapters.common.buttons import words
from adapters.slack.blocks import Block, action_blocks, section
from adapters.slack.render import context
from core.i18n import N_, _
from core.outcome import Action, Reply

MAX_BLOCKS = 100
SETTINGS_HINT = N_("Settings: /task settings (tz, hours, days, digest, lang). Help: /task help")
HEADING = re.compile(r"^.+ \(\d+\)$")  # a section of the list with its total: "Needs your answer (3)"


def home_view(reply: Reply) -> dict[str, Any]:
    """The list's first line as the header; section headings as headers, project lines as context, each task
    as a section followed by its buttons; the way to more at the end (never cut off by the block limit)."""
    lines = reply.text.splitlines() or [_("Your work")]
    by_ref, more = _actions_by_task(reply.actions)
    body: list[Block] = []
    for line in lines[1:-1] if _is_footer(lines[-1]) else lines[1:]:
        body += _line_blocks(line, by_ref)
    tail: list[Block] = []
    if len(lines) > 1 and _is_footer(lines[-1]):
        tail.append(section(lines[-1]))
    tail += action_blocks(more)
    tail.append(context(_(SETTINGS_HINT)))
    head: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": lines[0][:150] or _("Your work")}}]
    room = MAX_BLOCKS - len(head) - len(tail)
    return {"type": "home", "blocks": head + body[:room] + tail}


def _line_blocks(line: str, by_ref: dict[str, list[Action]]) -> list[Block]:
    text, indent = line.strip(), len(line) - len(line.lstrip())
    if indent >= 4:
        return [section(text), *action_blocks(by_ref.get(text.split(" ", 1)[0], []))]
    if indent >= 2:
        return [context(text)]
    if HEADING.match(text):
        return [{"type": "header", "text": {"type": "plain_text", "text": text[:150]}}]
    return [section(text)]


def _is_footer(line: str) -> bool:
    return "/task list" in line


def _actions_by_task(actions: tuple[Action, ...]) -> tuple[dict[str, list[Action]], list[Action]]:
    """Each task's buttons by its reference (so each block carries that task's version); the rest apart."""
    by_ref: dict[str, list[Action]] = {}
    rest: list[Action] = []
    for action in actions:
        verb, ref, _ = words(action.command)
        if verb == "list":
            rest.append(action)
        else:
            by_ref.setdefault(ref, []).append(action)
    return by_ref, rest
