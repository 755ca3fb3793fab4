"""The "Make it a task" message shortcut: a modal prefilled from the message, and the task text it makes."""
from __future__ import annotations

import json
from typing import Any

from adapters.slack.modals import View, date_input, modal, read, text_input, user_select
from adapters.slack.render import unescape
from core.i18n import _

CALLBACK = "make_it_a_task"
MODAL = "tandem:make_task"


def task_modal(message: dict[str, Any], channel: str) -> View:
    meta = {"channel": channel, "ts": message.get("ts")}
    blocks = [text_input("title", _("Task"), multiline=True, initial=unescape(str(message.get("text") or ""))[:3000]),
              user_select("owner", _("Owner"), message.get("user")),
              date_input("due", _("Due (optional)"), optional=True)]
    return modal(MODAL, _("Make it a task"), blocks, meta)


def task_text(handle: str, values: dict[str, Any]) -> str:
    """`@handle "title" by YYYY-MM-DD`: the title quoted so dates and names inside it are read literally."""
    title = read(values, "title").replace('"', "'")
    due = read(values, "due")
    parts = [f"@{handle}" if handle else "", f'"{title}"', f"by {due}" if due else ""]
    return " ".join(p for p in parts if p)


def meta_of(view: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(view.get("private_metadata") or "{}")
    return found
